using System;
using System.Threading.Tasks;
using Opper.Traces.Tests.Client.Support;

namespace Opper.Traces.Tests.Reliability.Support;

/// <summary>Clients of the local servers, and a guard that turns a hang into a test failure.</summary>
internal static class Real
{
    /// <summary>A recognisable key: the secret sweep searches every error for it.</summary>
    public const string Key = "sk-SECRET-1234567890";

    /// <summary>
    /// How long any one call may take before the test calls it a hang. A guard, not a timing
    /// assertion: no correct call comes anywhere near it, even on a loaded machine.
    /// </summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A client that sends through its own connection pool (the SocketsHttpHandler the SDK
    /// builds), the way users run it; retries are recorded, not slept.
    /// </summary>
    public static OpperClient Client(Uri baseUrl, RecordingRetryPolicy retries, Action<OpperClientOptions>? configure = null)
    {
        var options = new OpperClientOptions { ApiKey = Key, BaseUrl = baseUrl, RetryPolicy = retries };
        configure?.Invoke(options);
        return new OpperClient(options);
    }

    /// <summary>Awaits the call; fails the test when it has not ended within <see cref="HangGuard"/>.</summary>
    public static async Task<T> Ends<T>(Task<T> call)
    {
        await Ends((Task)call);
        return await call;
    }

    /// <summary>Awaits the call; fails the test when it has not ended within <see cref="HangGuard"/>.</summary>
    public static async Task Ends(Task call)
    {
        if (await Task.WhenAny(call, Task.Delay(HangGuard)) != call)
        {
            Assert.Fail($"the call did not end within {HangGuard.TotalSeconds} s: it hangs");
        }

        await call;
    }

    /// <summary>The exception the call ends with; fails the test when it succeeds or hangs.</summary>
    public static async Task<Exception> Fails(Task call)
    {
        try
        {
            await Ends(call);
        }
        catch (AssertionException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return ex;
        }

        Assert.Fail("the call succeeded; a failure was expected");
        throw new InvalidOperationException("unreachable");
    }
}
