using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Inventory;
using Inventory.Models;

namespace Opper.OpenApi.Generator.YamlReference;

/// <summary>The client generated at build time from <c>inventory.openapi.yaml</c>.</summary>
[TestFixture]
public class InventoryClientTests
{
    [Test]
    public async Task The_client_generated_from_yaml_sends_and_reads()
    {
        using var handler = new Handler();
        using var client = new InventoryClient(new HttpClient(handler), new InventoryClientOptions { ApiKey = "k", BaseUrl = new Uri("https://inventory.test/v1") });

        Stock stock = await client.GetStockAsync("A 1");

        Assert.That(handler.Path, Is.EqualTo("/v1/stock/A%201"));
        Assert.That((stock.Sku, stock.Count, stock.On), Is.EqualTo(("A 1", 3, (bool?)true)), "'on' is a property name, not a boolean key");
    }

    private sealed class Handler : HttpMessageHandler
    {
        public string? Path { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Path = request.RequestUri!.AbsolutePath;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{\"sku\":\"A 1\",\"count\":3,\"on\":true}", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
