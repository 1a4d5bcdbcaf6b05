using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Opper.FakeApi;
using Opper.Models;

namespace Opper.Traces.Tests.Client;

/// <summary><see cref="TracesClient.WaitForTraceAsync"/> against the loopback fake API, whose trace view grows as spans are stored.</summary>
[TestFixture]
public class WaitForTraceTests
{
    private const string TraceId = "3f9b1c2e-0d4a-4e6f-8a7b-9c0d1e2f3a4b";
    private static readonly TimeSpan FastPolls = TimeSpan.FromMilliseconds(10);

    private static string SpanJson(int n) =>
        "{\"id\":\"span-" + n + "\",\"trace_id\":\"" + TraceId + "\",\"name\":\"step " + n + "\"" + (n == 0 ? string.Empty : ",\"parent_id\":\"span-0\"") + "}";

    /// <summary>A fake that stores the next spans of <paramref name="growth"/> before answering poll number i (0-based).</summary>
    private static Task<FakeOpperApi> StartGrowingAsync(params int[] growth)
    {
        int polls = -1;
        int stored = 0;
        FakeOpperApi? api = null;
        var options = new FakeOpperApiOptions
        {
            Intercept = (request, _) =>
            {
                if (request.Method == "GET" && request.Path.EndsWith("/traces/" + TraceId, StringComparison.Ordinal))
                {
                    int poll = Interlocked.Increment(ref polls);
                    int add = poll < growth.Length ? growth[poll] : growth[growth.Length - 1];
                    for (int i = 0; i < add; i++)
                    {
                        api!.AddSpan(SpanJson(stored++));
                    }
                }

                return Task.FromResult<FakeResponse?>(null);
            },
        };
        return StartAsync(options, a => api = a);
    }

    private static async Task<FakeOpperApi> StartAsync(FakeOpperApiOptions options, Action<FakeOpperApi> keep)
    {
        FakeOpperApi api = await FakeOpperApi.StartAsync(options);
        keep(api);
        return api;
    }

    private static OpperClient Client(FakeOpperApi api) =>
        new OpperClient(new OpperClientOptions { ApiKey = "k", BaseUrl = api.BaseUrl, AllowInsecureHttp = true, MaxRetries = 0 });

    private static int TracePolls(FakeOpperApi api) =>
        api.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/traces/" + TraceId, StringComparison.Ordinal));

    [Test]
    public async Task A_trace_that_404s_then_grows_then_settles_is_returned_once_settled()
    {
        // Polls: 404, 404, 2 spans, 3 spans, 3 spans (settled).
        await using FakeOpperApi api = await StartGrowingAsync(0, 0, 2, 1, 0);
        using OpperClient client = Client(api);

        GetTraceResponse trace = await client.Traces.WaitForTraceCoreAsync(TraceId, TimeSpan.FromSeconds(30), FastPolls, CancellationToken.None);

        Assert.That(trace.Id, Is.EqualTo(TraceId));
        Assert.That(trace.Spans!.Select(s => s.Name), Is.EqualTo(new[] { "step 0", "step 1", "step 2" }));
        Assert.That(TracePolls(api), Is.EqualTo(5));
    }

    [Test]
    public async Task The_public_method_backs_off_and_returns_the_settled_trace()
    {
        // 404, then 1 span twice: three polls, 200 ms and 400 ms apart.
        await using FakeOpperApi api = await StartGrowingAsync(0, 1, 0);
        using OpperClient client = Client(api);

        GetTraceResponse trace = await client.Traces.WaitForTraceAsync(TraceId, TimeSpan.FromSeconds(30));

        Assert.That(trace.Spans, Has.Count.EqualTo(1));
        FakeRequest[] polls = api.Requests.Where(r => r.Path.EndsWith(TraceId, StringComparison.Ordinal)).ToArray();
        Assert.That(polls, Has.Length.EqualTo(3));
    }

    [Test]
    public async Task A_trace_that_keeps_growing_times_out_naming_the_id_and_the_last_span_count()
    {
        await using FakeOpperApi api = await StartGrowingAsync(1);
        using OpperClient client = Client(api);

        var error = Assert.ThrowsAsync<TimeoutException>(() =>
            client.Traces.WaitForTraceCoreAsync(TraceId, TimeSpan.FromMilliseconds(300), FastPolls, CancellationToken.None));

        int polls = TracePolls(api);
        Assert.That(polls, Is.GreaterThan(2));
        Assert.That(error!.Message, Does.Contain(TraceId));
        // Each poll stored one more span; the poll the deadline cut short may have stored one unseen.
        var seen = System.Text.RegularExpressions.Regex.Match(error.Message, "last span count seen: ([0-9]+)");
        Assert.That(seen.Success, Is.True, error.Message);
        Assert.That(int.Parse(seen.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(polls - 1, polls));
    }

    [Test]
    public async Task A_trace_never_found_times_out_with_a_span_count_of_zero()
    {
        await using FakeOpperApi api = await FakeOpperApi.StartAsync();
        using OpperClient client = Client(api);

        var error = Assert.ThrowsAsync<TimeoutException>(() =>
            client.Traces.WaitForTraceCoreAsync(TraceId, TimeSpan.FromMilliseconds(200), FastPolls, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain(TraceId).And.Contain("not found").And.Contain("last span count seen: 0"));
        Assert.That(TracePolls(api), Is.GreaterThan(1));
    }

    [Test]
    public async Task Other_errors_end_the_wait_at_once()
    {
        await using FakeOpperApi api = await FakeOpperApi.StartAsync(new FakeOpperApiOptions { ApiKey = "other" });
        using OpperClient client = Client(api);

        Assert.ThrowsAsync<OpperUnauthorizedException>(() => client.Traces.WaitForTraceAsync(TraceId, TimeSpan.FromSeconds(30)));
        Assert.That(TracePolls(api), Is.EqualTo(1));
    }

    [Test]
    public async Task The_callers_token_cancels_rather_than_times_out()
    {
        await using FakeOpperApi api = await FakeOpperApi.StartAsync();
        using OpperClient client = Client(api);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), () =>
            client.Traces.WaitForTraceCoreAsync(TraceId, TimeSpan.FromSeconds(30), FastPolls, cts.Token));
    }

    [Test]
    public void Arguments_are_checked()
    {
        using var client = new OpperClient(new OpperClientOptions { ApiKey = "k" });
        Assert.ThrowsAsync<ArgumentNullException>(() => client.Traces.WaitForTraceAsync(null!, TimeSpan.FromSeconds(1)));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Traces.WaitForTraceAsync("t", TimeSpan.FromSeconds(-1)));
    }
}
