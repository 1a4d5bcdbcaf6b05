using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Opper.Traces.Tests.Client.Support;

/// <summary>
/// The client's real backoff (<see cref="OpperRetryPolicy.GetDelay"/> is not overridden), but the
/// waits are recorded instead of slept, so retry tests take no time. <see cref="OnDelay"/> runs
/// when a wait starts; with <see cref="Wait"/> set the wait really happens (on the caller's token).
/// </summary>
internal class RecordingRetryPolicy : OpperRetryPolicy
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    /// <summary>The waits the client asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays => _delays.ToArray();

    public Action<TimeSpan>? OnDelay { get; set; }

    public bool Wait { get; set; }

    public override Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        _delays.Enqueue(delay);
        OnDelay?.Invoke(delay);
        return Wait ? base.DelayAsync(delay, cancellationToken) : Task.CompletedTask;
    }
}
