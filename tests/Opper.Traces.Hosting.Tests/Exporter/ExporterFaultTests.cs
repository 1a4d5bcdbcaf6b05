using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenTelemetry.Trace;
using Opper.FakeApi;
using Opper.OpenTelemetry;

namespace Opper.Traces.Hosting.Tests.Exporter;

/// <summary>
/// The exporter against a server that fails, each test with a provider and an ActivitySource of
/// its own. Not parallel: environment variables and event listeners are process-wide.
/// </summary>
[NonParallelizable]
public sealed class ExporterFaultTests
{
    private const string Lost = "opper.exporter.spans.lost";
    private const string Sent = "opper.exporter.spans.sent";

    [Test]
    public async Task A_503_is_retried_and_the_span_arrives()
    {
        var attempts = 0;
        await using var harness = await ExporterHarness.StartAsync(apiOptions: new FakeOpperApiOptions
        {
            ApiKey = ExporterHarness.ApiKey,
            Intercept = (request, _) => Task.FromResult(request.Method == "POST" && Interlocked.Increment(ref attempts) == 1
                ? FakeResponse.Error(503, "ServiceUnavailable", "busy", "try again")
                : null),
        });

        var activity = harness.Run(1).Single();
        Assert.That(harness.Provider.ForceFlush(10_000), Is.True);

        Assert.That(harness.Api.Requests.Count(r => r.Method == "POST"), Is.EqualTo(2));
        Assert.That(harness.Api.Spans.Select(s => (string?)s["name"]), Is.EqualTo(new[] { activity.DisplayName }));
        Assert.That(harness.Meter.Read(Sent), Is.EqualTo(1));
        Assert.That(harness.Meter.Read(Lost), Is.Zero);
    }

    [Test]
    public async Task A_429_waits_for_Retry_After_and_a_400_is_not_retried()
    {
        var posts = 0;
        await using var harness = await ExporterHarness.StartAsync(apiOptions: new FakeOpperApiOptions
        {
            ApiKey = ExporterHarness.ApiKey,
            Intercept = (request, _) => Task.FromResult(request.Method != "POST" ? null : Interlocked.Increment(ref posts) switch
            {
                1 => FakeResponse.Error(429, "RateLimited", "slow down", "wait", retryAfter: 1),
                2 => null,
                _ => FakeResponse.Error(400, "BadRequestError", "The request is invalid", "no"),
            }),
        });

        harness.Run(1);
        Assert.That(harness.Provider.ForceFlush(10_000), Is.True);
        var afterRateLimit = harness.Api.Requests.Where(r => r.Method == "POST").ToList();
        harness.Run(1);
        harness.Provider.ForceFlush(10_000);

        Assert.That(afterRateLimit, Has.Count.EqualTo(2));
        Assert.That(harness.Api.Requests.Count(r => r.Method == "POST"), Is.EqualTo(3), "the 400 is final");
        Assert.That(harness.Meter.Read(Sent), Is.EqualTo(1));
        Assert.That(harness.Meter.Read(Lost), Is.EqualTo(1));
    }

    [Test]
    public async Task A_409_counts_as_sent()
    {
        await using var harness = await ExporterHarness.StartAsync(apiOptions: new FakeOpperApiOptions
        {
            ApiKey = ExporterHarness.ApiKey,
            Intercept = (request, _) => Task.FromResult(request.Method == "POST"
                ? FakeResponse.Error(409, "ConflictError", "The resource already exists", "The resource already exists")
                : null),
        });

        harness.Run(3);
        Assert.That(harness.Provider.ForceFlush(10_000), Is.True);

        Assert.That(harness.Api.Requests.Count(r => r.Method == "POST"), Is.EqualTo(3), "a 409 is not retried");
        Assert.That(harness.Meter.Read(Sent), Is.EqualTo(3));
        Assert.That(harness.Meter.Read(Lost), Is.Zero);
    }

    [Test]
    public async Task A_server_that_never_answers_does_not_hold_shutdown_past_its_timeout()
    {
        await using var harness = await ExporterHarness.StartAsync(
            options => options.Timeout = TimeSpan.FromMinutes(5),
            new FakeOpperApiOptions { ApiKey = ExporterHarness.ApiKey, Intercept = (_, _) => Task.FromResult<FakeResponse?>(FakeResponse.Hang()) });

        harness.Run(5);
        var watch = Stopwatch.StartNew();
        harness.Provider.Shutdown(1_000);
        watch.Stop();

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "shutdown waited for the hung server");
        Assert.That(() => harness.Meter.Read(Lost), Is.EqualTo(5).After(5_000, 50));
        Assert.That(harness.Meter.Read(Sent), Is.Zero);
    }

    [Test]
    public async Task One_export_gives_up_at_the_export_timeout_and_counts_what_it_did_not_send()
    {
        using var events = new ExporterEvents();
        await using var harness = await ExporterHarness.StartAsync(
            options =>
            {
                options.Timeout = TimeSpan.FromMinutes(5);
                options.BatchExportProcessorOptions.ExporterTimeoutMilliseconds = 300;
            },
            new FakeOpperApiOptions { ApiKey = ExporterHarness.ApiKey, Intercept = (_, _) => Task.FromResult<FakeResponse?>(FakeResponse.Hang()) });

        harness.Run(3);

        Assert.That(harness.Provider.ForceFlush(20_000), Is.True, "the export ended, though its spans did not arrive");
        Assert.That(harness.Meter.Read(Lost), Is.EqualTo(3));
        Assert.That(events.Messages.Any(m => m.Contains("3 of 3 spans were lost", StringComparison.Ordinal) && m.Contains("export timeout", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task A_full_queue_drops_spans_and_counts_them_while_the_application_runs_on()
    {
        await using var harness = await ExporterHarness.StartAsync(
            options =>
            {
                options.BatchExportProcessorOptions.MaxQueueSize = 10;
                options.BatchExportProcessorOptions.MaxExportBatchSize = 10;
            },
            new FakeOpperApiOptions
            {
                ApiKey = ExporterHarness.ApiKey,
                Intercept = async (_, cancellationToken) =>
                {
                    await Task.Delay(100, cancellationToken);
                    return null;
                },
            });

        var activities = harness.Run(1_000);
        Assert.That(harness.Provider.Shutdown(30_000), Is.True);

        var sent = harness.Meter.Read(Sent);
        var lost = harness.Meter.Read(Lost);
        Assert.That(activities, Has.Count.EqualTo(1_000), "every Activity started and stopped");
        Assert.That(lost, Is.GreaterThan(900), "most spans found the queue full");
        Assert.That(sent + lost, Is.EqualTo(1_000), "every span is sent or counted as lost");
        Assert.That(harness.Api.Spans, Has.Count.EqualTo(sent));
    }

    [Test]
    public async Task Without_an_API_key_one_clear_message_says_so_and_the_spans_count_as_lost()
    {
        var saved = OpperClientOptions.ApiKeyEnvironmentVariables.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var name in saved.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }

            using var events = new ExporterEvents();
            await using var harness = await ExporterHarness.StartAsync(options => options.ApiKey = null);

            harness.Run(2);
            harness.Provider.ForceFlush(10_000);
            harness.Run(3);
            harness.Provider.ForceFlush(10_000);

            Assert.That(harness.Api.Requests, Is.Empty);
            Assert.That(harness.Meter.Read(Lost), Is.EqualTo(5));
            var noKey = events.Events.Where(e => e.EventName == "NoApiKey").ToList();
            Assert.That(noKey, Has.Count.EqualTo(1));
            Assert.That(events.Messages.Single(m => m.Contains("API key", StringComparison.Ordinal)),
                Does.Contain("no API key").And.Contain("OpperExporterOptions.ApiKey").And.Contain("OPPER_API_KEY"));
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [Test]
    public async Task Transport_failures_are_retried_then_counted_as_lost()
    {
        // A port that nothing listens on: every attempt fails to connect.
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var events = new ExporterEvents();
        await using var harness = await ExporterHarness.StartAsync(options =>
        {
            options.BaseUrl = new Uri($"http://127.0.0.1:{port}/v2/");
            options.MaxRetries = 2;
        });

        harness.Run(2);
        harness.Provider.ForceFlush(10_000);

        Assert.That(harness.Meter.Read(Lost), Is.EqualTo(2));
        Assert.That(events.Events.Count(e => e.EventName == "Retrying"), Is.EqualTo(4), "two retries for each span");
        Assert.That(events.Messages.Any(m => m.Contains("2 of 2 spans were lost", StringComparison.Ordinal) && m.Contains("after 3 attempts", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public async Task Spans_are_sent_in_parallel_up_to_the_limit()
    {
        await using var harness = await ExporterHarness.StartAsync(
            options => options.MaxConcurrency = 3,
            new FakeOpperApiOptions
            {
                ApiKey = ExporterHarness.ApiKey,
                Intercept = async (_, cancellationToken) =>
                {
                    await Task.Delay(50, cancellationToken);
                    return null;
                },
            });

        harness.Run(24);
        Assert.That(harness.Provider.ForceFlush(20_000), Is.True);

        Assert.That(harness.Api.Spans, Has.Count.EqualTo(24));
        Assert.That(harness.Api.MaxConcurrentRequests, Is.InRange(2, 3));
    }
}
