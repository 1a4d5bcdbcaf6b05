using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.Cli.Tests;

public class ExportTests
{
    [Test]
    public async Task Export_chrome_writes_one_complete_event_per_span()
    {
        CliResult result = await CliHarness.RunAsync("export", CliHarness.SamplePath, "--format", "chrome", "-o", "-");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        JObject json = Parse(result.Out);
        SpanTree tree = CliHarness.SampleTrace().BuildTree();
        var complete = json["traceEvents"]!.Where(e => (string?)e["ph"] == "X").ToList();

        Assert.Multiple(() =>
        {
            Assert.That((string?)json["displayTimeUnit"], Is.EqualTo("ms"));
            Assert.That(complete, Has.Count.EqualTo(17));
            Assert.That(complete.Select(e => (string?)e["args"]!["id"]), Is.EquivalentTo(tree.Walk().Select(n => n.Span.Id)));
            foreach (JToken e in complete)
            {
                SpanNode node = tree.Find((string)e["args"]!["id"]!)!;
                Assert.That((int)e["tid"]!, Is.EqualTo(node.Depth), node.Span.Name);
                Assert.That((int)e["pid"]!, Is.EqualTo(1));
                Assert.That((string?)e["name"], Is.EqualTo(node.Span.Name));
                Assert.That((string?)e["cat"], Is.EqualTo(node.Span.Type));
                Assert.That((long)e["dur"]!, Is.EqualTo(node.DurationMs!.Value * 1000));
                Assert.That((string?)e["args"]!["parent_id"], Is.EqualTo(node.Span.ParentId));
                Assert.That((double)e["ts"]!, Is.GreaterThanOrEqualTo(0));
            }

            Assert.That((long)json["otherData"]!["skipped_spans"]!, Is.EqualTo(0));
        });
        Assert.That(result.Err, Is.Empty);
    }

    [Test]
    public async Task Export_chrome_times_are_microseconds_from_the_earliest_start()
    {
        CliResult result = await CliHarness.RunAsync("export", CliHarness.SamplePath, "-o", "-");
        var events = Parse(result.Out)["traceEvents"]!.Where(e => (string?)e["ph"] == "X").ToList();

        // search_api_request starts at 05:31:57.988459, the root at 05:31:56.123456: 1.865003 s later.
        JToken search = events.Single(e => (string?)e["name"] == "search_api_request");
        JToken root = events.Single(e => (string?)e["name"] == "research_assistant_1731000000");
        JToken timedOut = events.Single(e => (string?)e["args"]!["id"] == "71d0ef83-0a29-44c5-b687-a39c816e5fe8");
        JToken plan = events.Single(e => (string?)e["name"] == "plan_research");
        Assert.Multiple(() =>
        {
            Assert.That((long)root["ts"]!, Is.EqualTo(0));
            Assert.That((long)root["dur"]!, Is.EqualTo(18_734_000));
            Assert.That((long)search["ts"]!, Is.EqualTo(1_865_003));
            Assert.That((long)search["dur"]!, Is.EqualTo(825_000));
            Assert.That((int)search["tid"]!, Is.EqualTo(2));
            Assert.That((string?)search["cat"], Is.EqualTo("http"));
            Assert.That((string?)search["args"]!["parent_id"], Is.EqualTo("3d9cab4f-c6e5-4081-b243-6f5e4d2a1ba4"));
            Assert.That((string?)timedOut["args"]!["error"], Does.StartWith("TimeoutError: "));
            Assert.That((string?)plan["args"]!["model"], Is.EqualTo("openai/gpt-4o-mini"));
            Assert.That((long?)plan["args"]!["tokens"], Is.EqualTo(612));
            Assert.That(root["args"]!["model"]!.Type, Is.EqualTo(JTokenType.Null));
        });
    }

    [Test]
    public async Task Export_skips_spans_without_an_interval_and_counts_them()
    {
        string path = ShowTests.WriteTrace(new JObject
        {
            ["id"] = "t-partial",
            ["spans"] = new JArray
            {
                ShowTests.Span("a", null, "root", "call", 0, 100),
                ShowTests.Span("b", "a", "no-start", "tool", null, 10),
                ShowTests.Span("c", "a", "no-duration", "tool", 5, null),
                ShowTests.Span("d", "a", "child", "generation", 10.5, 20),
            },
        });

        CliResult result = await CliHarness.RunAsync("export", path, "-o", "-");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        JObject json = Parse(result.Out);
        var complete = json["traceEvents"]!.Where(e => (string?)e["ph"] == "X").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(complete.Select(e => (string?)e["name"]), Is.EqualTo(new[] { "root", "child" }));
            Assert.That((double)complete[1]["ts"]!, Is.EqualTo(10_500));
            Assert.That((int)complete[1]["tid"]!, Is.EqualTo(1));
            Assert.That((int)json["otherData"]!["skipped_spans"]!, Is.EqualTo(2));
            Assert.That((int)json["otherData"]!["exported_spans"]!, Is.EqualTo(2));
            Assert.That(result.Err, Is.EqualTo("opper-traces: skipped 2 spans without a start time or a known duration.\n"));
        });
        File.Delete(path);
    }

    [Test]
    public async Task Export_to_a_file_writes_it_whole_and_leaves_nothing_else()
    {
        string directory = CliHarness.TempPath("out");
        Directory.CreateDirectory(directory);
        string target = Path.Combine(directory, "trace.json");
        File.WriteAllText(target, "old content");

        CliResult result = await CliHarness.RunAsync("export", CliHarness.SamplePath, "--format", "chrome", "-o", target);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Is.Empty);
        Assert.That(result.Err, Does.StartWith("Wrote 17 spans to " + target));
        Assert.That(Parse(File.ReadAllText(target))["traceEvents"]!.Count(e => (string?)e["ph"] == "X"), Is.EqualTo(17));
        Assert.That(Directory.GetFiles(directory), Is.EqualTo(new[] { target }));
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Export_into_a_missing_directory_exits_2()
    {
        string target = Path.Combine(CliHarness.TempPath("missing-dir"), "trace.json");

        CliResult result = await CliHarness.RunAsync("export", CliHarness.SamplePath, "-o", target);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.StartWith("opper-traces: Cannot write '" + target + "'"));
        Assert.That(result.Err.TrimEnd('\n'), Does.Not.Contain("\n"));
    }

    [TestCase("--format", "perfetto", "-o", "-")]
    [TestCase("--format", "chrome", "--endpoint")]
    public async Task Export_with_bad_options_exits_2(params string[] options)
    {
        CliResult result = await CliHarness.RunAsync(new[] { "export", CliHarness.SamplePath }.Concat(options).ToArray());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Does.StartWith("opper-traces: ").And.Contain("opper-traces export --help"));
        Assert.That(result.Out, Is.Empty);
    }

    private static JObject Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        JObject json = JObject.Load(reader);
        Assert.That(reader.Read(), Is.False, "nothing after the JSON object");
        return json;
    }
}
