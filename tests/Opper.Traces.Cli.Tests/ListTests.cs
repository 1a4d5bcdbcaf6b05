using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using RichardSzalay.MockHttp;

namespace Opper.Traces.Cli.Tests;

public class ListTests
{
    private static string Page1 => CliHarness.ReadExample("PaginatedResponse_ListTracesResponse_.page-1.json");

    [Test]
    public async Task List_prints_a_row_per_trace()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, CliHarness.ApiBase + "/traces")
            .WithQueryString(new Dictionary<string, string> { ["name"] = "research", ["offset"] = "0", ["limit"] = "21" })
            .WithHeaders("Authorization", "Bearer test-key-123")
            .Respond("application/json", Page1);

        CliResult result = await CliHarness.RunAsync(new[] { "list", "--name", "research" }, CliHarness.WithKey(), mock);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        mock.VerifyNoOutstandingExpectation();
        string[] lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(5), result.Out);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.StartWith("ID").And.Contain("NAME").And.Contain("START (UTC)").And.Contain("DURATION").And.Contain("STATUS").And.EndWith("TOKENS"));

            // In progress: no end, duration, status or tokens.
            Assert.That(Cells(lines[1]), Is.EqualTo(new[] { "e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7", "support_ticket_triage", "2024-11-07", "05:40:12.004Z", "-", "-", "-" }));
            Assert.That(Cells(lines[2]), Is.EqualTo(new[] { CliHarness.TraceId, "research_assistant_1731000000", "2024-11-07", "05:31:56.123Z", "18,734", "ms", "success", "12,931" }));
            Assert.That(Cells(lines[3]), Is.EqualTo(new[] { "f2a3b4c5-d6e7-4f80-91a2-b3c4d5e6f708", "extract_invoice_fields", "2024-11-07", "05:28:40.771Z", "2,631", "ms", "error", "1,418" }));
            Assert.That(lines[4], Is.EqualTo("3 traces."));

            // Columns line up.
            Assert.That(lines[1].IndexOf("support_ticket_triage", System.StringComparison.Ordinal), Is.EqualTo(lines[0].IndexOf("NAME", System.StringComparison.Ordinal)));
            Assert.That(lines[2].Length, Is.EqualTo(lines[0].Length));
        });
    }

    [Test]
    public async Task List_stops_at_the_limit_and_says_when_there_are_more()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, CliHarness.ApiBase + "/traces")
            .WithQueryString(new Dictionary<string, string> { ["offset"] = "0", ["limit"] = "3" })
            .Respond("application/json", Page1);

        CliResult result = await CliHarness.RunAsync(new[] { "list", "--limit", "2" }, CliHarness.WithKey(), mock);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        mock.VerifyNoOutstandingExpectation();
        Assert.That(result.Out, Does.Contain("support_ticket_triage"));
        Assert.That(result.Out, Does.Contain("research_assistant_1731000000"));
        Assert.That(result.Out, Does.Not.Contain("extract_invoice_fields"));
        Assert.That(result.Out, Does.EndWith("2 traces.\nMore traces exist; raise --limit to see them.\n"));
    }

    [Test]
    public async Task List_of_nothing_says_so()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, CliHarness.ApiBase + "/traces").Respond("application/json", "{\"meta\": {\"total_count\": 0}, \"data\": []}");

        CliResult result = await CliHarness.RunAsync(new[] { "list" }, CliHarness.WithKey(), mock);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Is.EqualTo("No traces found.\n"));
    }

    [Test]
    public async Task List_without_an_api_key_exits_2_without_calling_the_api()
    {
        CliResult result = await CliHarness.RunAsync(new[] { "list" }, new Dictionary<string, string>(), CliHarness.NoNetwork());

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Err, Is.EqualTo("opper-traces: No API key: set OPPER_API_KEY (or OPPER_HTTP_BEARER) to list traces.\n"));
        Assert.That(result.Out, Is.Empty);
    }

    private static string[] Cells(string line) => line.Split(' ', System.StringSplitOptions.RemoveEmptyEntries).ToArray();
}
