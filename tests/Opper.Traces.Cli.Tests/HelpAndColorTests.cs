using System.Collections.Generic;
using System.Threading.Tasks;

namespace Opper.Traces.Cli.Tests;

public class HelpAndColorTests
{
    private const string Escape = "\u001b[";

    [TestCase(new string[0], "opper-traces [command] [options]")]
    [TestCase(new[] { "show" }, "opper-traces show <trace> [options]")]
    [TestCase(new[] { "summary" }, "opper-traces summary <trace> [options]")]
    [TestCase(new[] { "list" }, "opper-traces list [options]")]
    [TestCase(new[] { "export" }, "opper-traces export <trace> [options]")]
    public async Task Every_command_has_help(string[] command, string usage)
    {
        var args = new List<string>(command) { "--help" };

        CliResult result = await CliHarness.RunAsync(args.ToArray());

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("Usage:\n  " + usage));
        Assert.That(result.Out, Does.Contain("-h, --help"));
        Assert.That(result.Err, Is.Empty);
    }

    [Test]
    public async Task Show_help_lists_its_options()
    {
        CliResult result = await CliHarness.RunAsync("show", "-h");

        Assert.That(result.Out, Does.Contain("--base-url <url>").And.Contain("--max-depth <n>").And.Contain("--color <always|auto|never>"));
    }

    [Test]
    public async Task No_colour_when_stdout_is_not_a_terminal()
    {
        CliResult result = await CliHarness.RunAsync(new[] { "show", CliHarness.SamplePath }, terminal: false);

        Assert.That(result.Out.Contains('\u001b'), Is.False);
    }

    [Test]
    public async Task Colour_on_a_terminal()
    {
        CliResult result = await CliHarness.RunAsync(new[] { "show", CliHarness.SamplePath }, terminal: true);

        Assert.That(result.Out.StartsWith(Escape + "1m🔍 Trace Analysis: research_assistant_1731000000" + Escape + "0m\n", System.StringComparison.Ordinal), Is.True, result.Out);
        Assert.That(result.Out, CliHarness.ContainsOrdinal("Status: " + Escape + "32msuccess" + Escape + "0m\n"));
    }

    [Test]
    public async Task NO_COLOR_turns_colour_off_on_a_terminal()
    {
        CliResult result = await CliHarness.RunAsync(
            new[] { "show", CliHarness.SamplePath }, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, terminal: true);

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Out.Contains('\u001b'), Is.False);
    }

    [Test]
    public async Task Color_always_and_never_override_the_terminal_check()
    {
        CliResult always = await CliHarness.RunAsync(new[] { "show", CliHarness.SamplePath, "--color", "always" }, terminal: false);
        CliResult never = await CliHarness.RunAsync(new[] { "show", CliHarness.SamplePath, "--color", "never" }, terminal: true);

        Assert.That(always.Out, CliHarness.ContainsOrdinal(Escape));
        Assert.That(never.Out.Contains('\u001b'), Is.False);
        Assert.That(Strip(always.Out), Is.EqualTo(never.Out), "colour changes nothing but the escapes");
    }

    [Test]
    public async Task Summary_json_never_has_colour()
    {
        CliResult result = await CliHarness.RunAsync(new[] { "summary", CliHarness.SamplePath, "--json", "--color", "always" }, terminal: true);

        Assert.That(result.Out.Contains('\u001b'), Is.False);
    }

    private static string Strip(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", string.Empty);
}
