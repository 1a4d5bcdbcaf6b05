using System;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Reflection;
using Opper.OpenTelemetry.Implementation;

namespace Opper.Traces.Hosting.Tests.Exporter;

/// <summary>Each event of the exporter's EventSource writes the event its attribute declares, with every argument.</summary>
[NonParallelizable]
public sealed class ExporterEventSourceTests
{
    [Test]
    public void Every_event_writes_its_id_and_payload()
    {
        using var events = new ExporterEvents();
        var methods = typeof(OpperExporterEventSource).GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Select(m => (Method: m, Event: m.GetCustomAttribute<EventAttribute>()))
            .Where(m => m.Event is not null)
            .ToList();
        Assert.That(methods, Has.Count.GreaterThanOrEqualTo(7));

        foreach (var (method, attribute) in methods)
        {
            var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(string) ? (object)("text of " + p.Name) : 7).ToArray();
            method.Invoke(OpperExporterEventSource.Log, arguments);

            var written = events.Events.LastOrDefault(e => e.EventId == attribute!.EventId);
            Assert.That(written, Is.Not.Null, method.Name);
            Assert.That(written!.EventName, Is.EqualTo(method.Name));
            Assert.That(written.Payload, Is.EqualTo(arguments), method.Name);
            Assert.That(written.Level, Is.EqualTo(attribute!.Level), method.Name);
        }
    }
}
