using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Opper.Traces.Report.Tests;

/// <summary><c>opper-traces report</c> as a command: what it writes, where, and how it fails. No browser needed.</summary>
[TestFixture]
public sealed class ReportCommandTests
{
    [Test]
    public async Task Writes_one_self_contained_file()
    {
        string html = File.ReadAllText(await ReportCli.WriteReportAsync(ReportCli.SamplePath));

        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(html, Does.Not.Match("<link\\b|\\ssrc\\s*=|\\shref\\s*=|@import|url\\(|@font-face"), "nothing is loaded from elsewhere");
        Assert.That(Regex.Matches(html, "<script\\b").Count, Is.EqualTo(2), "the data and the script");
        Assert.That(Regex.Matches(html, "<style\\b").Count, Is.EqualTo(1));
    }

    [Test]
    public async Task The_content_security_policy_forbids_the_network_and_allows_exactly_the_inline_script_and_style()
    {
        string html = File.ReadAllText(await ReportCli.WriteReportAsync(ReportCli.SamplePath));

        Match csp = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">");
        Assert.That(csp.Success, Is.True);
        string policy = System.Net.WebUtility.HtmlDecode(csp.Groups[1].Value);
        Assert.That(policy, Does.StartWith("default-src 'none';"));
        Assert.That(policy, Does.Not.Contain("unsafe-inline").And.Not.Contain("http"));

        string script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        string style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        Assert.That(policy, Does.Contain("script-src '" + Sha256(script) + "'"));
        Assert.That(policy, Does.Contain("style-src '" + Sha256(style) + "'"));
    }

    [Test]
    public async Task The_data_cannot_close_its_element()
    {
        string html = File.ReadAllText(await ReportCli.WriteReportAsync(TestTraces.Awkward(), "awkward"));

        string data = Regex.Match(html, "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.That(data, Does.Not.Contain("<").And.Not.Contain(">").And.Not.Contain("&"));
        JObject parsed = JObject.Parse(data);
        Assert.That(((JArray)parsed["spans"]!).Count, Is.EqualTo(TestTraces.Awkward().Spans!.Count));
        Assert.That(parsed.ToString(), Does.Contain(TestTraces.HostileName));
        Assert.That(html, Does.Contain("<title>Trace awkward &lt;trace&gt; &amp; co</title>"));
    }

    [Test]
    public async Task Writes_to_stdout_without_output_and_the_same_page_every_time()
    {
        CliRun first = await ReportCli.RunAsync("report", ReportCli.SamplePath);
        CliRun second = await ReportCli.RunAsync("report", ReportCli.SamplePath, "-o", "-");

        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
        Assert.That(first.Out, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(first.Out.TrimEnd(), Does.EndWith("</html>"));
        Assert.That(first.Err, Is.Empty);
        Assert.That(second.Out, Is.EqualTo(first.Out));
    }

    [Test]
    public async Task Says_where_it_wrote_and_replaces_an_older_report()
    {
        string target = Path.Combine(ReportCli.TempDirectory(), "report.html");
        File.WriteAllText(target, "old");

        CliRun run = await ReportCli.RunAsync("report", ReportCli.SamplePath, "-o", target);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Err.Trim(), Is.EqualTo("Wrote the report of 17 spans to " + target + "."));
        Assert.That(File.ReadAllText(target), Does.StartWith("<!DOCTYPE html>"));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(target)!), Has.Length.EqualTo(1), "no temporary file left");
    }

    [Test]
    public async Task Bad_input_is_one_line_and_exit_code_2()
    {
        string directory = ReportCli.TempDirectory();
        string notATrace = Path.Combine(directory, "not-a-trace.json");
        File.WriteAllText(notATrace, "<html>502 Bad Gateway</html>");

        CliRun missing = await ReportCli.RunAsync("report", Path.Combine(directory, "missing.json"));
        CliRun unreadable = await ReportCli.RunAsync("report", notATrace, "-o", Path.Combine(directory, "out.html"));
        CliRun intoDirectory = await ReportCli.RunAsync("report", ReportCli.SamplePath, "-o", directory);

        foreach (CliRun run in new[] { missing, unreadable, intoDirectory })
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
            Assert.That(run.Err.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), run.ToString());
            Assert.That(run.Out, Is.Empty);
        }

        Assert.That(missing.Err, Does.Contain("File not found"));
        Assert.That(unreadable.Err, Does.Contain("not-a-trace.json"));
        Assert.That(intoDirectory.Err, Does.Contain("is a directory"));
        Assert.That(File.Exists(Path.Combine(directory, "out.html")), Is.False, "nothing written for a trace that cannot be read");
    }

    private static string Sha256(string text) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
