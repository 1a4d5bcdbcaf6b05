using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Opper.Traces.Tests.Reliability.Support;

/// <summary>What a <see cref="RawTcpServer"/> does with each connection it accepts.</summary>
public enum RawBehaviour
{
    /// <summary>Accepts the connection and never reads or writes: a server that never answers.</summary>
    Silent,

    /// <summary>Resets the connection (TCP RST) as soon as it is accepted.</summary>
    ResetOnAccept,

    /// <summary>Reads the request head, then resets the connection without answering.</summary>
    ResetAfterRequest,
}

/// <summary>
/// A bare TCP listener on 127.0.0.1 for faults below HTTP, which Kestrel does not produce:
/// resets (RST, not FIN) and a peer that accepts and then says nothing at all.
/// </summary>
internal sealed class RawTcpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly RawBehaviour _behaviour;
    private readonly ConcurrentBag<Socket> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private int _accepted;

    public RawTcpServer(RawBehaviour behaviour)
    {
        _behaviour = behaviour;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public Uri BaseUrl => new("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/v2");

    /// <summary>How many connections were accepted.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = HandleAsync(socket);
        }
    }

    private async Task HandleAsync(Socket socket)
    {
        try
        {
            switch (_behaviour)
            {
                case RawBehaviour.Silent:
                    _open.Add(socket);
                    return;
                case RawBehaviour.ResetOnAccept:
                    Reset(socket);
                    return;
                case RawBehaviour.ResetAfterRequest:
                    var buffer = new byte[65536];
                    var head = new StringBuilder();
                    while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                        if (read == 0)
                        {
                            break;
                        }

                        head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    Reset(socket);
                    return;
            }
        }
        catch (Exception)
        {
            socket.Dispose();
        }
    }

    /// <summary>Closes with a zero linger time, which sends RST instead of FIN.</summary>
    private static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var socket in _open)
        {
            socket.Dispose();
        }

        _stop.Dispose();
    }
}
