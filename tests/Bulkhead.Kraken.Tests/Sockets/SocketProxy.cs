using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>
/// A TCP forwarder between socket clients and the sandbox, to break the network in the two ways the sandbox's own faults
/// cannot: freeze every connection (no byte passes, both sockets stay open: a half-open connection), or cut one at the
/// moment a request frame matches, before it reaches the server (sent, never executed). Frames are read after each
/// side's HTTP upgrade head (client frames are unmasked to be read; bytes are forwarded unchanged).
/// </summary>
internal sealed class SocketProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly DnsEndPoint _target;
    private readonly ConcurrentDictionary<Link, byte> _links = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private Func<string, bool>? _cutOnRequest;
    private int _accepted;

    public SocketProxy(Uri target)
    {
        _target = new DnsEndPoint(target.Host, target.Port);
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The address to point clients at.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    private void CutAll()
    {
        foreach (var link in _links.Keys)
        {
            link.Cut();
        }
    }

    /// <summary>Stops every open connection's bytes in both directions; the sockets stay open (new connections flow).</summary>
    public void FreezeAll()
    {
        foreach (var link in _links.Keys)
        {
            link.Frozen = true;
        }
    }

    /// <summary>Once: cuts the connection carrying the first client text frame that matches, before the server gets it.</summary>
    public void CutOnRequest(Func<string, bool> match) => Volatile.Write(ref _cutOnRequest, match);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        CutAll();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            var link = new Link(this, client, server);
            _links[link] = 0;
            _ = link.RunAsync();
        }
    }

    private static bool Matches(ref Func<string, bool>? rule, string text) =>
        Volatile.Read(ref rule) is { } match && match(text) && Interlocked.CompareExchange(ref rule, null, match) == match;

    private sealed class Link(SocketProxy proxy, TcpClient client, TcpClient server)
    {
        private readonly TaskCompletionSource _cut = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Frozen { get; set; }

        public async Task RunAsync()
        {
            var up = PumpAsync(client.GetStream(), server.GetStream(), masked: true);
            var down = PumpAsync(server.GetStream(), client.GetStream(), masked: false);
            await Task.WhenAny(up, down, _cut.Task);
            Cut();
            await Task.WhenAll(up, down).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            proxy._links.TryRemove(this, out _);
        }

        public void Cut()
        {
            if (!_cut.TrySetResult())
            {
                return;
            }

            foreach (var socket in new[] { client.Client, server.Client })
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                }
            }
        }

        // Forwards the HTTP head, then frame by frame; a matching text frame cuts the link instead of passing.
        private async Task PumpAsync(NetworkStream from, NetworkStream to, bool masked)
        {
            try
            {
                await HeadAsync(from, to);
                var header = new byte[14];
                while (true)
                {
                    await from.ReadExactlyAsync(header.AsMemory(0, 2));
                    var length = (long)(header[1] & 0x7F);
                    var size = 2;
                    if (length == 126)
                    {
                        await from.ReadExactlyAsync(header.AsMemory(2, 2));
                        length = (header[2] << 8) | header[3];
                        size = 4;
                    }
                    else if (length == 127)
                    {
                        await from.ReadExactlyAsync(header.AsMemory(2, 8));
                        length = 0;
                        for (var i = 2; i < 10; i++)
                        {
                            length = (length << 8) | header[i];
                        }

                        size = 10;
                    }

                    var hasMask = (header[1] & 0x80) != 0;
                    if (hasMask)
                    {
                        await from.ReadExactlyAsync(header.AsMemory(size, 4));
                    }

                    var payload = new byte[length];
                    await from.ReadExactlyAsync(payload);
                    if ((header[0] & 0x0F) == 1)
                    {
                        var text = payload.ToArray();
                        if (hasMask)
                        {
                            for (var i = 0; i < text.Length; i++)
                            {
                                text[i] ^= header[size + (i % 4)];
                            }
                        }

                        var decoded = Encoding.UTF8.GetString(text);
                        if (masked && Matches(ref proxy._cutOnRequest, decoded))
                        {
                            Cut();
                            return;
                        }
                    }

                    await WhileFrozenAsync();
                    await to.WriteAsync(header.AsMemory(0, size + (hasMask ? 4 : 0)));
                    await to.WriteAsync(payload);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or EndOfStreamException or OperationCanceledException)
            {
            }
        }

        private static async Task HeadAsync(NetworkStream from, NetworkStream to)
        {
            var seen = new List<byte>();
            var one = new byte[1];
            while (!(seen.Count >= 4 && seen[^4] == '\r' && seen[^3] == '\n' && seen[^2] == '\r' && seen[^1] == '\n'))
            {
                await from.ReadExactlyAsync(one);
                seen.Add(one[0]);
            }

            await to.WriteAsync(seen.ToArray());
        }

        private async Task WhileFrozenAsync()
        {
            if (Frozen)
            {
                await _cut.Task;
                throw new OperationCanceledException("cut while frozen");
            }
        }
    }
}
