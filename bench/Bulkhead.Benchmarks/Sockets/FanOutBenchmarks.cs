using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Api.Sockets;
using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Benchmarks.Sockets;

/// <summary>
/// Fan-out: <see cref="Subscribers"/> WebSocket clients subscribed to <c>book</c> (depth 10) and <c>trade</c> for BTC/USD
/// while the seeded market runs and a driver (the market's own system accounts) trades and moves the top of the book as fast
/// as the exchange takes it,
/// against a floor of bare Kestrel WebSockets broadcasting frames of the same sizes to as many clients, flow-controlled
/// so that no queue overflows. One operation is one frame delivered to one client; Ratio is the sandbox's time per
/// delivered frame over the floor's. Goal (issue #15): at least 50 % of the floor's frames per second (Ratio ≤ 2). The
/// match-to-frame latency of trade frames (exchange trade time → client receipt) and the memory with one deliberately
/// slow consumer are written to <c>fanout-measured.txt</c> beside the results.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class FanOutBenchmarks
{
    public const int Subscribers = 1_000;
    public const int FramesPerInvoke = 100_000;
    private const int BookFrameBytes = 330;
    private const int TradeFrameBytes = 190;
    private static readonly byte[] TradeUpdate = Encoding.ASCII.GetBytes("{\"channel\":\"trade\",\"type\":\"update\"");

    private readonly List<ClientWebSocket> _clients = [];
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly CancellationTokenSource _stop = new();
    private WebApplication _sandbox = null!;
    private WebApplication _floor = null!;
    private FloorHub _floorHub = null!;
    private long _frames;
    private ClientWebSocket? _slow;
    private HttpMessageInvoker? _slowInvoker;
    private long _memoryBefore;
    private DateTimeOffset _slowCutAfter;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var options = new SandboxOptions { InMemory = true, AdminToken = "benchmark-admin-token" };
        options.Market.Enabled = true;
        options.Market.Seed = 3;
        options.Market.TickInterval = TimeSpan.FromMilliseconds(250);
        options.Sockets.MaxConnectionsPerAddress = 10_000;
        _sandbox = SandboxHost.Build(options, "http://127.0.0.1:0", TimeProvider.System);
        await _sandbox.StartAsync();
        _floorHub = new FloorHub();
        _floor = StartFloor(_floorHub);
        await _floor.StartAsync();

        var sandboxWs = new Uri("ws" + _sandbox.Urls.First()["http".Length..].TrimEnd('/') + "/v2");
        var floorWs = new Uri("ws" + _floor.Urls.First()["http".Length..].TrimEnd('/') + "/ws");
        for (var i = 0; i < Subscribers; i++)
        {
            _clients.Add(await ConnectAsync(sandboxWs, subscribe: true, measureLatency: i % 10 == 0));
            _clients.Add(await ConnectAsync(floorWs, subscribe: false, measureLatency: false));
        }

        await Sandbox();
        await Floor();

        // One client that subscribes and never reads: it must be cut off, not buffered. The market and the driver run
        // until the server has cut it off (at most 60 s); memory is compared before and after.
        _memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        // A 2 KiB receive buffer, so that the kernel does not absorb megabytes on the slow consumer's behalf.
        _slowInvoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 2048, NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        });
        _slow = new ClientWebSocket();
        await _slow.ConnectAsync(sandboxWs, _slowInvoker, CancellationToken.None);
        await SendAsync(_slow, """{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":1000}}""");
        await SendAsync(_slow, """{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USD"]}}""");
        var hub = _sandbox.Services.GetRequiredService<SocketHub>();
        using (var slowPhase = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            var driving = Task.Run(() => DriveAsync(slowPhase.Token));
            while (hub.ServerClosed == 0 && !slowPhase.IsCancellationRequested)
            {
                await Task.Delay(100);
            }

            await slowPhase.CancelAsync();
            try
            {
                await driving;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _slowCutAfter = TimeProvider.System.GetUtcNow();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var hub = _sandbox.Services.GetRequiredService<SocketHub>();
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        var sorted = _latencies.Order().ToArray();
        string Percentile(double p) => sorted.Length == 0 ? "n/a" : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " ms";
        var report = $"fan-out {Subscribers} subscribers (book depth 10 + trade, BTC/USD): match-to-frame latency of trade frames over {sorted.Length} samples: "
            + $"p50 {Percentile(0.50)}, p99 {Percentile(0.99)}, max {Percentile(1.0)}; slow consumer (book depth 1000 + trade, never reading) cut off by the server: {hub.ServerClosed} connection(s) (set-up ended {_slowCutAfter:HH:mm:ss}); "
            + $"managed memory before the slow consumer subscribed {_memoryBefore / 1_048_576.0:0.0} MiB, after it was cut off and every measured run {memoryAfter / 1_048_576.0:0.0} MiB";
        Console.WriteLine(report);
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        await File.WriteAllTextAsync(Path.Combine("BenchmarkDotNet.Artifacts", "fanout-measured.txt"), report + Environment.NewLine);
        await _stop.CancelAsync();
        foreach (var client in _clients)
        {
            client.Abort();
            client.Dispose();
        }

        _slow?.Abort();
        _slow?.Dispose();
        _slowInvoker?.Dispose();
        await _sandbox.StopAsync();
        await _floor.StopAsync();
        await _sandbox.DisposeAsync();
        await _floor.DisposeAsync();
        _stop.Dispose();
    }

    /// <summary>Bare Kestrel: frames of the sandbox's sizes broadcast to every client, flow-controlled.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = FramesPerInvoke)]
    public Task Floor() => DeliverAsync(token => _floorHub.BroadcastAsync(token));

    /// <summary>The sandbox: the market runs, a driver trades and moves the top of BTC/USD; book and trade frames fan out.</summary>
    [Benchmark(OperationsPerInvoke = FramesPerInvoke)]
    public Task Sandbox() => DeliverAsync(DriveAsync);

    private async Task DeliverAsync(Func<CancellationToken, Task> produce)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var target = Interlocked.Read(ref _frames) + FramesPerInvoke;
        var producer = Task.Run(() => produce(done.Token));
        while (Interlocked.Read(ref _frames) < target)
        {
            if (producer.IsFaulted)
            {
                await producer;
            }

            await Task.Delay(1);
        }

        await done.CancelAsync();
        try
        {
            await producer;
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task DriveAsync(CancellationToken cancellationToken)
    {
        var exchange = _sandbox.GetExchange();
        while (!cancellationToken.IsCancellationRequested)
        {
            var (bid, _) = exchange.BestPrices(TradingVenue.Spot, "XXBTZUSD");
            if (bid is { } best)
            {
                // The market's own system accounts (funded by the market, exempt from the trading counter, so the driver
                // is never throttled): the liquidity provider joins the best bid, a noise taker sells into it.
                var placed = exchange.PlaceOrder(new SandboxOrderRequest(SandboxMarket.MakerAccount, TradingVenue.Spot, "XXBTZUSD", Side.Buy, OrderKind.Limit, 0.001m, best));
                exchange.PlaceOrder(new SandboxOrderRequest(SandboxMarket.NoiseAccount, TradingVenue.Spot, "XXBTZUSD", Side.Sell, OrderKind.Market, 0.0005m));
                if (placed.Success && placed.Value.Order.IsOpen)
                {
                    exchange.CancelOrder(SandboxMarket.MakerAccount, placed.Value.Order.Id);
                }
            }

            await Task.Yield();
        }
    }

    private async Task<ClientWebSocket> ConnectAsync(Uri uri, bool subscribe, bool measureLatency)
    {
        var client = new ClientWebSocket();
        await client.ConnectAsync(uri, CancellationToken.None);
        if (subscribe)
        {
            await SendAsync(client, """{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}""");
            await SendAsync(client, """{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USD"]}}""");
        }

        _ = Task.Run(() => ReceiveAsync(client, measureLatency));
        return client;
    }

    private async Task ReceiveAsync(ClientWebSocket client, bool measureLatency)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await client.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                    length += result.Count;
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                }
                while (!result.EndOfMessage);

                Interlocked.Increment(ref _frames);
                if (measureLatency && buffer.AsSpan(0, length).StartsWith(TradeUpdate))
                {
                    Latency(buffer.AsSpan(0, length));
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
    }

    private void Latency(ReadOnlySpan<byte> frame)
    {
        var marker = "\"timestamp\":\""u8;
        var at = frame.LastIndexOf(marker);
        if (at < 0)
        {
            return;
        }

        var text = Encoding.ASCII.GetString(frame.Slice(at + marker.Length, 27));
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time))
        {
            _latencies.Add((TimeProvider.System.GetUtcNow() - time).TotalMilliseconds);
        }
    }

    private static Task SendAsync(ClientWebSocket client, string json) =>
        client.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    private static WebApplication StartFloor(FloorHub hub)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ws", async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await hub.RunAsync(socket, context.RequestAborted);
        });
        return app;
    }

    private static void Check(bool success)
    {
        if (!success)
        {
            throw new InvalidOperationException("Provisioning the benchmark sandbox failed.");
        }
    }

    /// <summary>The floor: a bounded queue and a send loop per connection, and a broadcaster that waits for room in each queue.</summary>
    private sealed class FloorHub
    {
        private const int QueueFrames = 4_096;
        private readonly ConcurrentDictionary<Channel<byte[]>, byte> _queues = new();
        private readonly byte[] _book = Frame(BookFrameBytes);
        private readonly byte[] _trade = Frame(TradeFrameBytes);

        public async Task RunAsync(WebSocket socket, CancellationToken cancellationToken)
        {
            var queue = Channel.CreateBounded<byte[]>(QueueFrames);
            _queues[queue] = 0;
            try
            {
                await foreach (var frame in queue.Reader.ReadAllAsync(cancellationToken))
                {
                    await socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
            finally
            {
                _queues.TryRemove(queue, out _);
            }
        }

        public async Task BroadcastAsync(CancellationToken cancellationToken)
        {
            var n = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                var frame = (n++ % 3 == 0) ? _trade : _book;
                foreach (var queue in _queues.Keys)
                {
                    // Back-pressure instead of dropping: completes at once while the queue has room.
                    await queue.Writer.WriteAsync(frame, cancellationToken);
                }
            }
        }

        private static byte[] Frame(int size)
        {
            var head = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"pad\":\""u8.ToArray();
            var tail = "\"}]}"u8.ToArray();
            var frame = new byte[size];
            head.CopyTo(frame, 0);
            frame.AsSpan(head.Length, size - head.Length - tail.Length).Fill((byte)'x');
            tail.CopyTo(frame, size - tail.Length);
            return frame;
        }
    }
}
