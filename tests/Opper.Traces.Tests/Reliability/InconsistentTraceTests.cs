using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Reliability;

/// <summary>
/// Valid JSON with inconsistent trace data — cycles, orphans, duplicate ids, negative
/// durations, ends before starts, the first and last representable instants, ±14:00 offsets —
/// read through the client, then through the tree and the summary: nothing throws and every
/// span is kept. (The analysis tests cover these on in-memory spans; here they come off the wire,
/// together with the dates at the edges of what <see cref="DateTimeOffset"/> holds.)
/// </summary>
[TestFixture]
public class InconsistentTraceTests
{
    private static JObject Span(string? id, string? parent, string? start, string? end, long? duration, string type = "call") => new()
    {
        ["id"] = id,
        ["name"] = "span " + (id ?? "without id"),
        ["type"] = type,
        ["parent_id"] = parent,
        ["start_time"] = start,
        ["end_time"] = end,
        ["duration_ms"] = duration,
        ["data"] = new JObject { ["model"] = "m", ["total_tokens"] = 5 },
    };

    private static readonly JObject[] Spans =
    {
        Span("cycle-a", "cycle-b", "2024-01-01T00:00:00Z", "2024-01-01T00:00:01Z", null),
        Span("cycle-b", "cycle-a", "2024-01-01T00:00:00.5Z", null, 100),
        Span("self", "self", "2024-01-01T00:00:00Z", null, 10),
        Span("orphan", "no-such-span", "2024-01-01T00:00:02Z", null, 20),
        Span("dup", null, "2024-01-01T00:00:03Z", null, 30, "generation"),
        Span("dup", "dup", "2024-01-01T00:00:04Z", null, 40, "generation"),
        Span("negative", null, "2024-01-01T00:00:05Z", null, -5),
        Span("reversed", null, "2024-01-01T00:00:06Z", "2024-01-01T00:00:05Z", null),
        Span("first-to-last", null, "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", null, "generation"),
        Span("last", null, "9999-12-31T23:59:59.9999999Z", null, long.MaxValue, "generation"),
        Span("plus-14", null, "2024-01-01T10:00:00+14:00", "2024-01-01T10:00:00.250+14:00", null),
        Span("minus-14", null, "2023-12-31T00:00:00-14:00", "2023-12-31T14:00:00.750Z", null),
        Span("first-plus-14", null, "0001-01-01T14:00:00+14:00", null, 0),
        Span("last-minus-14", null, "9999-12-31T09:59:59-14:00", null, 1000),
        Span(string.Empty, "cycle-a", null, null, null),
        Span(null, string.Empty, null, "2024-01-01T00:00:00Z", null),
        Span("huge-negative", "negative", "2024-01-01T00:00:07Z", null, long.MinValue),
    };

    private static string TraceJson() => new JObject
    {
        ["id"] = "trace-x",
        ["name"] = "inconsistent",
        ["duration_ms"] = 1000,
        ["spans"] = new JArray(Spans.Cast<object>().ToArray()),
    }.ToString();

    private static async Task<GetTraceResponse> ThroughTheClient(string json)
    {
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, json);
        return await api.Client.Traces.GetAsync("trace-x");
    }

    [Test]
    public async Task Inconsistent_data_from_the_wire_builds_a_tree_that_keeps_every_span()
    {
        var trace = await ThroughTheClient(TraceJson());

        var tree = trace.BuildTree();
        var summary = trace.Summarize();
        var walk = tree.Walk().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(walk, Has.Count.EqualTo(Spans.Length), "every span is in the walk");
            Assert.That(walk.Select(n => n.Span).Distinct().Count(), Is.EqualTo(Spans.Length), "each exactly once");
            Assert.That(summary.SpanCount, Is.EqualTo(Spans.Length));
            Assert.That(summary.TotalTokens, Is.EqualTo(5L * Spans.Length));
            Assert.That(tree.Render().Split('\n'), Has.Length.EqualTo(Spans.Length));
            Assert.That(() => tree.Render(1), Throws.Nothing);
            Assert.That(() => tree.CriticalPath(), Throws.Nothing);
            Assert.That(summary.ByType.Values.Sum(s => s.Count), Is.EqualTo(Spans.Length));

            var kinds = tree.Problems.Select(p => p.Kind).ToList();
            Assert.That(kinds, Does.Contain(TraceProblemKind.Cycle));
            Assert.That(kinds, Does.Contain(TraceProblemKind.Orphan));
            Assert.That(kinds, Does.Contain(TraceProblemKind.DuplicateId));
            Assert.That(kinds, Does.Contain(TraceProblemKind.MissingId));
            Assert.That(kinds.Count(k => k == TraceProblemKind.InvalidDuration), Is.EqualTo(3), "negative, reversed and long.MinValue");
        });
    }

    [Test]
    public async Task Extreme_instants_give_exact_durations_and_order_by_instant()
    {
        var tree = (await ThroughTheClient(TraceJson())).BuildTree();

        var firstToLast = tree.Find("first-to-last")!;
        var whole = DateTimeOffset.Parse("9999-12-31T23:59:59.9999999Z", System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse("0001-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(firstToLast.DurationMs, Is.EqualTo(whole.Ticks / TimeSpan.TicksPerMillisecond), "0001 to 9999 fits in a long of milliseconds");
            Assert.That(tree.Find("plus-14")!.DurationMs, Is.EqualTo(250));
            Assert.That(tree.Find("minus-14")!.DurationMs, Is.EqualTo(750), "2023-12-31T00:00-14:00 is 2023-12-31T14:00Z");
            Assert.That(tree.Find("last")!.DurationMs, Is.EqualTo(long.MaxValue));
            Assert.That(tree.Find("last")!.IntervalEnd, Is.Null, "an end past 9999 has no DateTimeOffset");
            Assert.That(tree.Find("last-minus-14")!.IntervalEnd, Is.Null);
            Assert.That(tree.Find("first-plus-14")!.Span.StartTime!.Value.UtcDateTime, Is.EqualTo(DateTime.MinValue));

            // Roots in start order as instants: the +14:00 span (2023-12-31T20:00Z) comes after the
            // -14:00 one (2023-12-31T14:00Z) although its local text is later in the year.
            var roots = tree.Roots.Select(r => r.Span.Id).ToList();
            Assert.That(roots.IndexOf("minus-14"), Is.LessThan(roots.IndexOf("plus-14")));
            Assert.That(roots.IndexOf("first-to-last"), Is.LessThan(roots.IndexOf("minus-14")));
            Assert.That(roots.IndexOf("plus-14"), Is.LessThan(roots.IndexOf("last")));
        });
    }

    [TestCase("0001-01-01T00:00:00+14:00")]
    [TestCase("9999-12-31T23:59:59-14:00")]
    [TestCase("0000-12-31T23:59:59Z")]
    [TestCase("10000-01-01T00:00:00Z")]
    public void An_instant_outside_what_date_time_offset_holds_is_a_clear_error_at_its_path(string start)
    {
        var trace = JObject.Parse(TraceJson());
        trace["spans"]![3]!["start_time"] = start;
        using var api = new MockApi();
        api.Reply(HttpStatusCode.OK, trace.ToString());

        var ex = Assert.ThrowsAsync<OpperSerializationException>(() => api.Client.Traces.GetAsync("trace-x"))!;
        var direct = Assert.Catch<JsonException>(() => JsonConvert.DeserializeObject<GetTraceResponse>(trace.ToString()))!;

        Assert.That(ex.Path, Is.EqualTo("spans[3].start_time"));
        Assert.That(ex.Message, Does.Contain("ISO 8601"));
        Assert.That(direct.Message, Does.Contain("spans[3].start_time"));
    }

    private static readonly DateTimeOffset[] Instants =
    {
        DateTimeOffset.MinValue, DateTimeOffset.MinValue.AddMilliseconds(1), DateTimeOffset.MaxValue, DateTimeOffset.MaxValue.AddMilliseconds(-1),
        new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2024, 1, 1, 0, 0, 1, TimeSpan.Zero), new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static readonly TimeSpan[] Offsets = { TimeSpan.Zero, TimeSpan.FromHours(14), TimeSpan.FromHours(-14), new(5, 45, 0), new(-9, -30, 0) };

    private static readonly long?[] Durations = { null, null, 0, 1, 999, -1, long.MaxValue, long.MinValue, 315_537_897_599_999, 1_000_000_000_000 };

    private static DateTimeOffset? RandomInstant(Random rng)
    {
        if (rng.Next(6) == 0)
        {
            return null;
        }

        var utc = Instants[rng.Next(Instants.Length)];
        var offset = Offsets[rng.Next(Offsets.Length)];
        try
        {
            return utc.ToOffset(offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return utc; // the local time would leave 0001..9999: keep UTC
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Random_traces_at_the_edges_of_time_keep_every_span(int seed)
    {
        var rng = new Random(seed);
        for (var t = 0; t < 150; t++)
        {
            var count = rng.Next(0, 40);
            var spans = new List<SpanSchema>();
            for (var i = 0; i < count; i++)
            {
                spans.Add(new SpanSchema
                {
                    Id = rng.Next(8) == 0 ? null : "s" + rng.Next(Math.Max(1, count)),
                    ParentId = rng.Next(4) == 0 ? null : "s" + rng.Next(Math.Max(1, count + 3)),
                    StartTime = RandomInstant(rng),
                    EndTime = RandomInstant(rng),
                    DurationMs = Durations[rng.Next(Durations.Length)],
                    Type = rng.Next(2) == 0 ? "generation" : "call",
                    Name = "n" + i,
                    Data = new SpanData { Model = "m" + rng.Next(2), TotalTokens = rng.Next(3) == 0 ? long.MaxValue : rng.Next(100) },
                });
            }

            // Off the wire: written by the generated converters and read back.
            var json = JsonConvert.SerializeObject(new GetTraceResponse { Id = "t" + t, Name = "n", DurationMs = Durations[rng.Next(Durations.Length)], Spans = spans });
            var trace = JsonConvert.DeserializeObject<GetTraceResponse>(json)!;
            try
            {
                var tree = trace.BuildTree();
                var summary = trace.Summarize();
                var walk = tree.Walk().ToList();
                Assert.That(walk, Has.Count.EqualTo(count));
                Assert.That(walk.Select(n => n.Span).Distinct().Count(), Is.EqualTo(count));
                Assert.That(summary.SpanCount, Is.EqualTo(count));
                Assert.That(walk.Where(n => n.Parent is not null), Has.All.Matches<SpanNode>(n => n.Depth == n.Parent!.Depth + 1));
                Assert.That(walk.Where(n => n.SelfTimeMs is < 0 || (n.SelfTimeMs is { } self && double.IsNaN(self))), Is.Empty, "self time is unknown or >= 0");
                Assert.That(double.IsNaN(summary.GenerationWallTimeMs) || summary.GenerationWallTimeMs < 0, Is.False);
                Assert.That(summary.ByType.Values.Sum(s => s.Count), Is.EqualTo(count));
                Assert.That(tree.Render(), Is.Not.Null);
                Assert.That(tree.Render(2), Is.Not.Null);
                Assert.That(tree.CriticalPath().Zip(tree.CriticalPath().Skip(1)), Has.All.Matches<(SpanNode Parent, SpanNode Child)>(p => ReferenceEquals(p.Child.Parent, p.Parent)));
            }
            catch (Exception)
            {
                TestContext.Out.WriteLine($"seed {seed}, trace {t}: {json}");
                throw;
            }
        }
    }
}
