using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Opper.Models;
using RichardSzalay.MockHttp;

namespace Opper.Traces.Cli.Tests;

/// <summary>What one in-process run of the tool produced.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    public override string ToString() => "exit " + ExitCode + "\n--- stdout\n" + Out + "\n--- stderr\n" + Err;
}

/// <summary>Runs <c>opper-traces</c> in-process with captured output, an injected environment and a mock HTTP handler.</summary>
internal static class CliHarness
{
    public const string ApiBase = "https://api.opper.ai/v2";

    public const string TraceId = "7f3e2a91-4c5d-4b8e-9a1f-2d6c8e0b5a37";

    public static string ExamplesDirectory => Path.Combine(AppContext.BaseDirectory, "spec", "examples");

    public static string SamplePath => Example("GetTraceResponse.research-assistant.json");

    public static string Example(string name) => Path.Combine(ExamplesDirectory, name);

    public static string ReadExample(string name) => File.ReadAllText(Example(name));

    /// <summary>The sample trace as plain JSON, for numbers computed without the SDK.</summary>
    public static JObject SampleJson() =>
        JObject.Load(new JsonTextReader(new StringReader(File.ReadAllText(SamplePath))) { DateParseHandling = DateParseHandling.None });

    /// <summary>The sample trace read by the SDK.</summary>
    public static GetTraceResponse SampleTrace() => JsonConvert.DeserializeObject<GetTraceResponse>(File.ReadAllText(SamplePath))!;

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, env: null);

    public static async Task<CliResult> RunAsync(
        string[] args,
        IDictionary<string, string>? env = null,
        MockHttpMessageHandler? http = null,
        bool terminal = false,
        string? stdin = null,
        bool errorTerminal = false,
        Action<OpperClientOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = env ?? new Dictionary<string, string>();
        var host = new CliHost(output, error, name => environment.TryGetValue(name, out string? value) ? value : null)
        {
            IsOutputTerminal = terminal,
            IsErrorTerminal = errorTerminal,
            OpenInput = stdin is null ? null : () => new StringReader(stdin),
            CreateHttpClient = http is null ? null : () => http.ToHttpClient(),
            ConfigureClient = options =>
            {
                // Retries happen, but without sleeping.
                options.RetryPolicy = new NoDelayRetryPolicy();
                configure?.Invoke(options);
            },
        };

        int exitCode = await OpperTracesCli.RunAsync(args, host, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>An environment with an API key.</summary>
    public static Dictionary<string, string> WithKey(string key = "test-key-123") =>
        new Dictionary<string, string> { ["OPPER_API_KEY"] = key };

    /// <summary>A mock that must never be called: every request fails the test.</summary>
    public static MockHttpMessageHandler NoNetwork()
    {
        var mock = new MockHttpMessageHandler();
        mock.Fallback.Throw(new AssertionException("No HTTP request was expected."));
        return mock;
    }

    /// <summary>
    /// A substring test that compares ordinally: NUnit's default string comparison is culture-aware,
    /// which ignores control characters such as ESC.
    /// </summary>
    public static NUnit.Framework.Constraints.SubstringConstraint ContainsOrdinal(string expected) =>
        new NUnit.Framework.Constraints.SubstringConstraint(expected).Using(StringComparison.Ordinal);

    public static string TempPath(string name) =>
        Path.Combine(Path.GetTempPath(), "opper-traces-cli-tests-" + Guid.NewGuid().ToString("N").Substring(0, 8) + "-" + name);

    /// <summary>The tool's own build output, in the configuration these tests were built in.</summary>
    public static string CliDll()
    {
        // .../tests/Opper.Traces.Cli.Tests/bin/<Configuration>/net10.0/
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = testOutput.Parent!.Name;
        DirectoryInfo repository = testOutput.Parent.Parent!.Parent!.Parent!.Parent!;
        return Path.Combine(repository.FullName, "src", "Opper.Traces.Cli", "bin", configuration, "net8.0", "Opper.Traces.Cli.dll");
    }

    private sealed class NoDelayRetryPolicy : OpperRetryPolicy
    {
        public override Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
