using System;
using System.Collections.Concurrent;
using System.Linq;
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

    /// <summary>
    /// Reads the request head, then sends a 200 with a chunked JSON body that never ends, until
    /// the socket refuses more: <see cref="RawTcpServer.BytesSent"/> counts what the kernel took.
    /// </summary>
    EndlessBody,
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
    private long _bytesSent;

    public RawTcpServer(RawBehaviour behaviour)
    {
        _behaviour = behaviour;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public Uri BaseUrl => new("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/v2");

    /// <summary>How many connections were accepted.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Bytes of body the socket accepted (<see cref="RawBehaviour.EndlessBody"/>).</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

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
                    await ReadRequestHead(socket);
                    Reset(socket);
                    return;
                case RawBehaviour.EndlessBody:
                    await ReadRequestHead(socket);
                    await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"), SocketFlags.None, _stop.Token);
                    var first = Encoding.ASCII.GetBytes("{\"id\":\"t-1\",\"name\":\"endless\",\"spans\":[] ");
                    await socket.SendAsync(Chunk(first), SocketFlags.None, _stop.Token);
                    var filler = Chunk(new string(' ', 64 * 1024).Select(c => (byte)c).ToArray());
                    while (true)
                    {
                        // Throws once the client has closed the connection.
                        var sent = await socket.SendAsync(filler, SocketFlags.None, _stop.Token);
                        Interlocked.Add(ref _bytesSent, sent);
                    }
            }
        }
        catch (Exception)
        {
            socket.Dispose();
        }
    }

    private async Task ReadRequestHead(Socket socket)
    {
        var buffer = new byte[65536];
        var head = new StringBuilder();
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (read == 0)
            {
                return;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    private static byte[] Chunk(byte[] data) =>
        Encoding.ASCII.GetBytes(data.Length.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "\r\n").Concat(data).Concat(Encoding.ASCII.GetBytes("\r\n")).ToArray();

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
