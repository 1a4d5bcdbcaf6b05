using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Opper.Traces.Cli.Tests;

/// <summary>The built tool, run as users run it: a net8.0 app that must start on this machine's newer runtime.</summary>
public class ProcessTests
{
    [Test]
    public async Task The_built_tool_starts_and_shows_the_sample()
    {
        string dll = CliHarness.CliDll();
        Assert.That(File.Exists(dll), Is.True, dll);
        Assert.That(File.ReadAllText(Path.ChangeExtension(dll, ".runtimeconfig.json")), Does.Contain("\"rollForward\": \"Major\""));

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("show");
        start.ArgumentList.Add(CliHarness.SamplePath);
        start.Environment.Remove("OPPER_API_KEY");
        start.Environment.Remove("OPPER_HTTP_BEARER");

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.That(process.ExitCode, Is.EqualTo(0), await error);
        string text = await output;
        Assert.That(text, Does.StartWith("🔍 Trace Analysis: research_assistant_1731000000"));
        Assert.That(text, Does.Contain("LLM Generation Time: 16,592 ms (88.6% of the trace)"));
        Assert.That(text.Contains('\u001b'), Is.False, "stdout is a pipe here");
    }

    [Test]
    [Platform(Exclude = "Win", Reason = "sends SIGINT with kill(1) to a child started through env(1)")]
    public async Task Ctrl_C_cancels_a_request_in_flight_and_exits_130()
    {
        // A server on the loopback that accepts the connection and never answers.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;

        // Through env(1), which puts SIGINT back to its default before it execs dotnet (same pid):
        // a process started in the background by a shell inherits SIGINT ignored, and .NET then
        // leaves it ignored, so the test would depend on how its runner was started.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--default-signal=INT", "dotnet", CliHarness.CliDll(), "show", CliHarness.TraceId, "--base-url", "http://127.0.0.1:" + port + "/v2" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OPPER_API_KEY"] = "test-key";
        start.Environment.Remove("OPPER_HTTP_BEARER");

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using TcpClient connection = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromMinutes(2));

        // Wait for the request itself, not only the connection: the signal handlers are in place
        // once the command is under way, and a signal sent before that would find none.
        var head = new byte[1];
        int read = await connection.GetStream().ReadAsync(head).AsTask().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.That(read, Is.EqualTo(1), "the CLI sent no request");

        using (Process kill = Process.Start("kill", "-INT " + process.Id))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.That(process.ExitCode, Is.EqualTo(130), await error);
        Assert.That(await error, Is.EqualTo("opper-traces: Cancelled.\n"));
        Assert.That(await output, Is.Empty);
    }
}
