using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Opper.Models;
using Opper.Traces.Cli;

namespace Opper.Traces.Report.Tests;

/// <summary>What one in-process run of the tool produced.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public override string ToString() => "exit " + ExitCode + "\n--- stdout\n" + (Out.Length > 2000 ? Out.Substring(0, 2000) + "..." : Out) + "\n--- stderr\n" + Err;
}

/// <summary>Runs <c>opper-traces</c> in-process, without network or API key, and keeps the files it writes apart.</summary>
internal static class ReportCli
{
    public static string ExamplesDirectory => Path.Combine(AppContext.BaseDirectory, "spec", "examples");

    public static string SamplePath => Path.Combine(ExamplesDirectory, "GetTraceResponse.research-assistant.json");

    public static GetTraceResponse Sample() => Read(File.ReadAllText(SamplePath));

    public static GetTraceResponse Read(string json) =>
        JsonConvert.DeserializeObject<GetTraceResponse>(json, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new Dictionary<string, string>();
        var host = new CliHost(output, error, name => environment.TryGetValue(name, out string? value) ? value : null);
        int exitCode = await OpperTracesCli.RunAsync(args, host);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A fresh folder for one test's files.</summary>
    public static string TempDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), "opper-report-tests-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Saves the trace as JSON and writes its report with <c>opper-traces report FILE -o HTML</c>; returns the HTML file.</summary>
    public static async Task<string> WriteReportAsync(GetTraceResponse trace, string name)
    {
        string directory = TempDirectory();
        string json = Path.Combine(directory, name + ".json");
        File.WriteAllText(json, JsonConvert.SerializeObject(trace));
        return await WriteReportAsync(json);
    }

    /// <summary>Writes the report of a saved trace file; returns the HTML file.</summary>
    public static async Task<string> WriteReportAsync(string traceFile)
    {
        string html = Path.Combine(TempDirectory(), Path.GetFileNameWithoutExtension(traceFile) + ".html");
        CliRun run = await RunAsync("report", traceFile, "-o", html);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        return html;
    }
}
