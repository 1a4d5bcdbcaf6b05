using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Opper.Traces.Benchmarks;

namespace Opper.Traces.Starvation;

/// <summary>
/// Many trace reads over a slow link at once, with the thread pool held to 2 threads at the start:
/// a loopback server sends each body in small chunks with a pause between them, and the program
/// measures how far the thread pool grows, how late a 10 ms timer in the same process fires, and how
/// long all calls take against one call alone. It prints the figures as one line of JSON.
/// <code>dotnet Opper.Traces.Starvation.dll [--calls 64] [--spans 1000] [--chunk 16384] [--interval 20] [--mode client|bytes|bytes-then-parse]</code>
/// <c>--mode bytes</c> reads the same bodies with <c>HttpClient.GetByteArrayAsync</c>, for comparison, and
/// <c>--mode bytes-then-parse</c> also parses them with <c>JsonConvert.DeserializeObject</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var calls = Option(args, "--calls", 64);
        var spans = Option(args, "--spans", 1000);
        var chunk = Option(args, "--chunk", 16 * 1024);
        var interval = Option(args, "--interval", 20);
        var mode = args.SkipWhile(a => a != "--mode").Skip(1).FirstOrDefault() ?? "client";

        ThreadPool.SetMinThreads(2, 2);
        var body = TraceGenerator.Json(spans);
        using var server = new DripServer(body, chunk, TimeSpan.FromMilliseconds(interval));
        var baseUrl = new Uri($"http://127.0.0.1:{server.Port}/v2");
        using var client = new OpperClient(new OpperClientOptions
        {
            ApiKey = "starvation-check-key",
            BaseUrl = baseUrl,
            MaxRetries = 0,
            Timeout = TimeSpan.FromMinutes(2),
        });
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var url = new Uri(baseUrl + "/traces/" + TraceGenerator.TraceId);
        Func<Task> call = mode switch
        {
            "bytes" => async () => await http.GetByteArrayAsync(url).ConfigureAwait(false),
            "bytes-then-parse" => async () => Newtonsoft.Json.JsonConvert.DeserializeObject<Opper.Models.GetTraceResponse>(
                Encoding.UTF8.GetString(await http.GetByteArrayAsync(url).ConfigureAwait(false))),
            _ => async () => await client.Traces.GetAsync(TraceGenerator.TraceId).ConfigureAwait(false),
        };

        // Warm up (JIT, a first connection), then one call alone.
        await call();
        var watch = Stopwatch.StartNew();
        await call();
        var single = watch.Elapsed;

        using var probe = new Probe();
        var threadsAtStart = ThreadPool.ThreadCount;
        watch.Restart();
        var started = Clock.Elapsed;
        await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => Task.Run(call)));
        var all = watch.Elapsed;
        await probe.StopAsync();

        // Until the server has sent the last byte of the first body, every call is waiting on the
        // network; after it, the calls parse what they received (CPU work, all at about once here).
        var waiting = server.BodiesSentAt.Where(t => t > started).DefaultIfEmpty(TimeSpan.MaxValue).Min();

        var figures = new
        {
            mode,
            calls,
            bodyBytes = body.Length,
            chunkBytes = chunk,
            intervalMs = interval,
            minThreads = 2,
            threadsAtStart,
            threadsMax = probe.MaxThreads,
            timerLateMaxMs = Math.Round(probe.MaxLateness(TimeSpan.MaxValue).TotalMilliseconds, 1),
            timerLateMaxMsWhileWaiting = Math.Round(probe.MaxLateness(waiting).TotalMilliseconds, 1),
            waitingMs = Math.Round((waiting - started).TotalMilliseconds, 1),
            singleCallMs = Math.Round(single.TotalMilliseconds, 1),
            allCallsMs = Math.Round(all.TotalMilliseconds, 1),
            ratio = Math.Round(all.TotalMilliseconds / single.TotalMilliseconds, 2),
            requests = server.Requests,
        };
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    /// <summary>One clock for the probe and the server.</summary>
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>
    /// Watches the process while the calls run: the thread pool's thread count (sampled by a thread of
    /// its own, which the pool does not count), and how late a 10 ms timer's continuation runs on the pool.
    /// </summary>
    private sealed class Probe : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread _sampler;
        private readonly Task _timer;
        private readonly System.Collections.Concurrent.ConcurrentQueue<(TimeSpan Due, TimeSpan Late)> _lateness = new();
        private int _maxThreads;

        public Probe()
        {
            _maxThreads = ThreadPool.ThreadCount;
            _sampler = new Thread(() =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _maxThreads = Math.Max(_maxThreads, ThreadPool.ThreadCount);
                    Thread.Sleep(2);
                }
            })
            { IsBackground = true, Name = "thread-count sampler" };
            _sampler.Start();
            _timer = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var due = Clock.Elapsed + TimeSpan.FromMilliseconds(10);
                    await Task.Delay(10).ConfigureAwait(false);
                    _lateness.Enqueue((due, Clock.Elapsed - due));
                }
            });
        }

        public int MaxThreads => _maxThreads;

        /// <summary>The most that a timer due before <paramref name="dueBefore"/> fired late.</summary>
        public TimeSpan MaxLateness(TimeSpan dueBefore) =>
            _lateness.Where(s => s.Due < dueBefore).Select(s => s.Late).DefaultIfEmpty(TimeSpan.Zero).Max();

        public async Task StopAsync()
        {
            _stop.Cancel();
            _sampler.Join();
            await _timer.ConfigureAwait(false);
        }

        public void Dispose() => _stop.Dispose();
    }

    /// <summary>
    /// An HTTP/1.1 server on 127.0.0.1 that answers every request with the same JSON body (its length
    /// announced), sent in chunks with a pause after each: a slow link. Keep-alive; fully asynchronous.
    /// </summary>
    private sealed class DripServer : IDisposable
    {
        private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly byte[] _body;
        private readonly int _chunk;
        private readonly TimeSpan _interval;
        private readonly CancellationTokenSource _stop = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<TimeSpan> _bodiesSentAt = new();
        private int _requests;

        public DripServer(byte[] body, int chunk, TimeSpan interval)
        {
            _body = body;
            _chunk = chunk;
            _interval = interval;
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Requests => Volatile.Read(ref _requests);

        /// <summary>When the last byte of each body was sent.</summary>
        public TimeSpan[] BodiesSentAt => _bodiesSentAt.ToArray();

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                _ = ServeAsync(socket);
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            using var _ = socket;
            socket.NoDelay = true;
            var head = Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + _body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
            var buffer = new byte[8192];
            try
            {
                while (await ReadRequestHeadAsync(socket, buffer).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _requests);
                    await socket.SendAsync(head, SocketFlags.None, _stop.Token).ConfigureAwait(false);
                    for (var offset = 0; offset < _body.Length; offset += _chunk)
                    {
                        var length = Math.Min(_chunk, _body.Length - offset);
                        await socket.SendAsync(_body.AsMemory(offset, length), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                        if (offset + length < _body.Length)
                        {
                            await Task.Delay(_interval, _stop.Token).ConfigureAwait(false);
                        }
                    }

                    _bodiesSentAt.Enqueue(Clock.Elapsed);
                }
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away, or the server stops.
            }
        }

        /// <summary>Reads up to the blank line that ends a request head (these requests have no body); false at the end of the connection.</summary>
        private async Task<bool> ReadRequestHeadAsync(Socket socket, byte[] buffer)
        {
            var seen = 0;
            var matched = 0;
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(0, 1), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return false;
                }

                seen++;
                matched = buffer[0] == HeadEnd[matched] ? matched + 1 : buffer[0] == HeadEnd[0] ? 1 : 0;
                if (matched == HeadEnd.Length)
                {
                    return true;
                }

                if (seen > 64 * 1024)
                {
                    return false;
                }
            }
        }
    }
}
