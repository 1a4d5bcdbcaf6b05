using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace Opper.Traces.Tests.Reliability;

/// <summary>
/// No thread is held while a call waits on the network. 64 calls read a 2.7 MB trace at once from a
/// loopback server that sends it in 16 KB chunks every 20 ms, with the thread pool's minimum at 2
/// threads: the pool must not grow with the number of calls, a 10 ms timer in the process must stay
/// on time while the calls wait, and the calls must end within a small multiple of one call's time.
/// The calls run in a process of their own (<c>tests/Opper.Traces.Starvation</c>): the thread pool is
/// process-wide, and test assemblies run side by side.
/// </summary>
/// <remarks>
/// When the bodies have arrived, all 64 calls parse 173 MB of JSON at about the same moment: CPU
/// work that delays the timer by 150–270 ms on two cores, with <c>GetByteArrayAsync</c> and
/// <c>JsonConvert</c> as much as with the client. That phase is bounded by the overall ratio, not
/// by the timer. Before the body was read asynchronously, the pool grew to 71 threads, the timer
/// fired 496 ms late while the calls waited, and the calls took 5.2 times as long as one.
/// </remarks>
[TestFixture]
public class StarvationTests
{
    [Test]
    public async Task Many_slow_reads_at_once_hold_no_thread_while_they_wait()
    {
        var figures = await RunAsync("--calls", "64", "--spans", "1000", "--chunk", "16384", "--interval", "20");
        TestContext.Out.WriteLine(figures.GetRawText());

        var bodyBytes = figures.GetProperty("bodyBytes").GetInt32();
        Assert.That(bodyBytes, Is.InRange(2_000_000, 3_500_000), "a trace of a few MB");
        Assert.That(figures.GetProperty("requests").GetInt32(), Is.EqualTo(66), "a warm-up, one call alone, then 64 at once");
        Assert.Multiple(() =>
        {
            Assert.That(figures.GetProperty("threadsMax").GetInt32(), Is.LessThanOrEqualTo(8), "the thread pool grew with the number of calls");
            Assert.That(figures.GetProperty("timerLateMaxMsWhileWaiting").GetDouble(), Is.LessThan(250), "a 10 ms timer fired late while the calls waited on the network: the pool was starved (it was about 500 ms late when reads blocked; other test assemblies share the 2 cores, so allow their noise)");
            Assert.That(figures.GetProperty("waitingMs").GetDouble(), Is.LessThanOrEqualTo(1.5 * figures.GetProperty("singleCallMs").GetDouble()), "64 calls took much longer to receive their bodies than one call");
            Assert.That(figures.GetProperty("ratio").GetDouble(), Is.LessThanOrEqualTo(2.5), "64 calls at once, parsing included, took more than 2.5 times as long as one");
        });
    }

    private static async Task<JsonElement> RunAsync(params string[] arguments)
    {
        var dll = ProgramPath();
        Assert.That(File.Exists(dll), Is.True, "build tests/Opper.Traces.Starvation first: " + dll);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(90))) != exited)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the starvation program did not end within 90 s: " + await error);
        }

        Assert.That(process.ExitCode, Is.Zero, await error);
        var lines = (await output).Trim().Split('\n');
        return JsonDocument.Parse(lines[^1]).RootElement.Clone();
    }

    private static string ProgramPath()
    {
        var here = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        var configuration = here.Parent!.Name;
        var repository = here;
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "OpperGenerated.sln")))
        {
            repository = repository.Parent;
        }

        Assert.That(repository, Is.Not.Null, "the repository root");
        return Path.Combine(repository!.FullName, "tests", "Opper.Traces.Starvation", "bin", configuration, "net10.0", "Opper.Traces.Starvation.dll");
    }
}
