using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Opper.Models;

namespace Opper;

/// <summary>
/// The work of <see cref="TracesClient.GetManyAsync"/>: a window of fetches in list order, each
/// call holding a slot of a semaphore so that no more than the asked number run at once.
/// </summary>
internal static class TraceFetcher
{
    public static async IAsyncEnumerable<GetTraceResponse> GetManyAsync(
        TracesClient client,
        string? name,
        int limit,
        int pageSize,
        int maxConcurrency,
        Action<string, Exception>? onError,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        var window = new List<Fetch>(maxConcurrency);
        IAsyncEnumerator<ListTracesResponse> listing = client.ListAllAsync(name, pageSize, stop.Token).GetAsyncEnumerator(stop.Token);
        int listed = 0;
        bool listingDone = false;
        try
        {
            while (true)
            {
                // Keep the window full: the slot taken for the next list item (which may cost a
                // page request) is the slot its fetch then runs in.
                while (!listingDone && window.Count < maxConcurrency)
                {
                    if (listed == limit)
                    {
                        listingDone = true;
                        break;
                    }

                    await slots.WaitAsync(stop.Token).ConfigureAwait(false);
                    bool more;
                    try
                    {
                        more = await listing.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch
                    {
                        slots.Release();
                        throw;
                    }

                    if (!more)
                    {
                        slots.Release();
                        listingDone = true;
                        break;
                    }

                    listed++;
                    window.Add(Start(client, listing.Current, listed, slots, stop.Token));
                }

                if (window.Count == 0)
                {
                    yield break;
                }

                // Fail fast: without onError, a failure anywhere in the window ends the enumeration
                // as soon as it happens, not when its turn comes.
                Fetch head = window[0];
                while (onError is null && !head.Task.IsCompleted)
                {
                    Task done = await Task.WhenAny(Pending(window)).ConfigureAwait(false);
                    if (done.IsFaulted || done.IsCanceled)
                    {
                        break;
                    }
                }

                Fetch next = onError is null ? FirstFailed(window) ?? head : head;
                GetTraceResponse trace;
                try
                {
                    trace = await next.Task.ConfigureAwait(false);
                }
                catch (Exception ex) when (onError is not null && !stop.IsCancellationRequested)
                {
                    window.RemoveAt(0);
                    onError(next.TraceId, ex);
                    continue;
                }

                window.RemoveAt(0);
                yield return trace;
            }
        }
        finally
        {
            // Whatever ended the enumeration (the caller stopped, a failure, cancellation), no
            // call goes on after it.
            stop.Cancel();
            foreach (Fetch fetch in window)
            {
                try
                {
                    await fetch.Task.ConfigureAwait(false);
                }
                catch
                {
                    // Already reported, or cancelled just now.
                }
            }

            await listing.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Fetch Start(TracesClient client, ListTracesResponse item, int position, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        string id = item.Id ?? string.Empty;
        return new Fetch(id, FetchAsync(client, id, position, slots, cancellationToken));
    }

    private static async Task<GetTraceResponse> FetchAsync(TracesClient client, string id, int position, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            if (id.Length == 0)
            {
                throw new InvalidOperationException(
                    "Trace number " + position.ToString(System.Globalization.CultureInfo.InvariantCulture) + " of the list has no id.");
            }

            return await client.GetAsync(id, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    private static Fetch? FirstFailed(List<Fetch> window)
    {
        foreach (Fetch fetch in window)
        {
            if (fetch.Task.IsFaulted || fetch.Task.IsCanceled)
            {
                return fetch;
            }
        }

        return null;
    }

    private static List<Task> Pending(List<Fetch> window)
    {
        var pending = new List<Task>(window.Count);
        foreach (Fetch fetch in window)
        {
            if (!fetch.Task.IsCompleted)
            {
                pending.Add(fetch.Task);
            }
        }

        return pending;
    }

    private sealed class Fetch
    {
        public Fetch(string traceId, Task<GetTraceResponse> task)
        {
            TraceId = traceId;
            Task = task;
        }

        public string TraceId { get; }

        public Task<GetTraceResponse> Task { get; }
    }
}
