// A consumer of the generator package: its own spec, its own typed client.
using PetStore;
using PetStore.Models;

using var client = new PetStoreClient(new PetStoreClientOptions { ApiKey = "pet-key", BaseUrl = new Uri(args[0]) });

foreach (Pet pet in await client.Pets.ListAsync(status: PetStatus.Available, limit: 10))
{
    Console.WriteLine($"pet {pet.Id}: {pet.Name} status={pet.Status?.Value ?? "none"} known={pet.Status?.IsKnown} tag={pet.Tag ?? "(null)"}");
}

Pet one = await client.Pets.ShowByIdAsync(1);
Console.WriteLine($"one: {one.Name} born {one.Born:yyyy-MM-dd}");

Pet created = await client.Pets.CreateAsync(new NewPet { Name = "Rex", Tag = null });
Console.WriteLine($"created: {created.Id} {created.Name}");

try
{
    await client.Pets.ShowByIdAsync(404);
}
catch (PetStoreNotFoundException ex)
{
    var error = (PetStore.Models.Error)ex.Error!;
    Console.WriteLine($"not found: {ex.StatusCode} code={error.Code} message={error.Message}");
}

// The YAML spec's types: read through their generated converter.
var stock = Newtonsoft.Json.JsonConvert.DeserializeObject<Inventory.Models.Stock>("{\"sku\":\"A-1\",\"count\":3,\"on\":true}")!;
Console.WriteLine($"yaml: {stock.Sku} count={stock.Count} on={stock.On}");
