// A host that registers the Opper client and the OpenTelemetry exporter the way the README shows,
// traces a small piece of work, and reads a trace back. Usage: HostingConsumer <base-url> [bad-config]
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using Opper;
using Opper.OpenTelemetry;

var baseUrl = args[0];
var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Opper:BaseUrl"] = baseUrl,
    ["Opper:MaxRetries"] = "1",
    ["Opper:Timeout"] = args.Length > 1 && args[1] == "bad-config" ? "0" : "00:00:30",
});
builder.Services.AddOpperClient(builder.Configuration.GetSection("Opper"));
builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing
    .AddSource("HostingConsumer")
    .AddOpperExporter(options => options.BaseUrl = new Uri(baseUrl)));

using var host = builder.Build();
try
{
    await host.StartAsync();
}
catch (OptionsValidationException ex)
{
    Console.WriteLine("start-up refused: " + string.Join(" | ", ex.Failures));
    return 3;
}

using var source = new ActivitySource("HostingConsumer");
using (var root = source.StartActivity("answer question"))
{
    root?.SetTag("opper.input", "What is 2 + 2?");
    using var chat = source.StartActivity("chat gpt-4o-mini");
    chat?.SetTag("gen_ai.operation.name", "chat");
    chat?.SetTag("gen_ai.request.model", "gpt-4o-mini");
    chat?.SetTag("gen_ai.usage.input_tokens", 12);
    chat?.SetTag("gen_ai.usage.output_tokens", 30);
}

host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000);
long sent = 0, lost = 0;
using (var listener = new MeterListener())
{
    listener.InstrumentPublished = (instrument, l) =>
    {
        if (instrument.Meter.Name == OpperExporter.MeterName)
        {
            l.EnableMeasurementEvents(instrument);
        }
    };
    listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
    {
        if (instrument.Name == "opper.exporter.spans.sent") sent += value;
        if (instrument.Name == "opper.exporter.spans.lost") lost += value;
    });
    listener.Start();
    listener.RecordObservableInstruments();
}

Console.WriteLine($"spans sent: {sent}, lost: {lost}");

var opper = host.Services.GetRequiredService<OpperClient>();
Console.WriteLine($"one client: {ReferenceEquals(opper, host.Services.GetRequiredService<OpperClient>())}");
var trace = await opper.Traces.GetAsync("3c90c3cc-0d44-4b50-8888-8dd25736052a");
Console.WriteLine($"trace: {trace.Name}, {trace.Summarize().TotalTokens:N0} tokens");
await host.StopAsync();
return 0;
