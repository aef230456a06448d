using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Trading;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Kraken.Sockets.Tokens;
using Bulkhead.Kraken.Transport;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;

namespace Bulkhead.Benchmarks.Sockets;

/// <summary>
/// Order acknowledgement latency as Bulkhead's own clients see it (issue #16): <see cref="SpotClient.AddOrderAsync"/>
/// (signed REST <c>AddOrder</c>, a fenced nonce, one keep-alive connection) against
/// <see cref="KrakenSocketClient.AddOrderAsync"/> (Spot WebSocket v2 <c>add_order</c> on an authenticated socket), both
/// against one sandbox with its default store (SQLite, WAL, <c>synchronous=NORMAL</c>), one order at a time, alternating
/// REST and socket so both see the same machine. Each sample is the time from the call to its acknowledged result; every
/// order (a resting limit buy of 0.001 XBT at $10,000, far from any fill) is cancelled untimed before the next. After
/// set-up the sandbox's clock runs 100,000× faster so its trading counter never refuses; the client's own send rate is
/// raised for the same reason. A latency harness rather than BenchmarkDotNet: percentiles of single calls are the point.
/// Run: <c>dotnet run -c Release -- ack-latency [orders per transport, default 2000]</c>.
/// </summary>
public static class AckLatency
{
    [SuppressMessage("Reliability", "CA2007", Justification = "A console harness: no synchronization context.")]
    public static async Task RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var clock = new SwitchableClock();
        var folder = Directory.CreateTempSubdirectory("bulkhead-bench-ack-");
        var options = new SandboxOptions { DataFolder = folder.FullName, AdminToken = "benchmark-admin-token" };
        options.Sockets.IdleTimeout = TimeSpan.FromDays(36_500);
        options.Sockets.MessageBurst = 1_000_000;
        options.Sockets.MessagesPerSecond = 1_000_000;
        await using var app = SandboxHost.Build(options, "http://127.0.0.1:0", clock);
        var exchange = app.GetExchange();
        Check(exchange.CreateAccount("bench", master: null).Success, "account");
        Check(exchange.Deposit("bench", Wallet.Spot, "ZUSD", 10_000_000m).Success, "deposit");
        await app.StartAsync();
        var baseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = 1, UseProxy = false });
        var rest = Client(exchange, http, baseUrl, "rest");
        using var tokens = new SpotSocketTokens(Client(exchange, http, baseUrl, "tokens"), TimeProvider.System);
        await using var socket = new KrakenSocketClient(
            new KrakenSocketOptions { Endpoint = KrakenSocketEndpoint.OnServer(baseUrl, SocketProtocol.SpotV2, isPrivate: true), MessageBurst = 1_000_000, MessagesPerSecond = 1_000_000 },
            TimeProvider.System, tokens);
        Check((await socket.ConnectAsync()).Success, "connect");
        var executions = await socket.SubscribeExecutionsAsync();
        Check(executions.Success, "executions");
        using var drain = new CancellationTokenSource();
        var drained = Task.Run(async () =>
        {
            await foreach (var _ in executions.Value!.ReadAllAsync(drain.Token))
            {
            }
        });

        clock.Accelerate(100_000);
        var restSamples = new double[count];
        var socketSamples = new double[count];
        var time = TimeProvider.System;
        for (var i = -200; i < count; i++)
        {
            // Warm-up first (negative i), then alternate so both transports see the same machine.
            var started = time.GetTimestamp();
            var placed = await rest.AddOrderAsync(new OrderRequest { Pair = "XBTUSD", Side = OrderSide.Buy, Volume = 0.001m, Price = 10_000m, ClientOrderId = $"r-{i + 200}" });
            var restTook = time.GetElapsedTime(started).TotalMicroseconds;
            Check(placed.Success, $"REST AddOrder: {(placed.Success ? "" : placed.Error.Code)}");
            Check((await rest.CancelOrderAsync(placed.Value!.OrderIds[0])).Success, "REST CancelOrder");

            started = time.GetTimestamp();
            var added = await socket.AddOrderAsync(new SocketOrderRequest { Symbol = "BTC/USD", Side = OrderSide.Buy, Quantity = 0.001m, LimitPrice = 10_000m, ClientOrderId = $"s-{i + 200}" });
            var socketTook = time.GetElapsedTime(started).TotalMicroseconds;
            Check(added.Success, $"add_order: {(added.Success ? "" : added.Error.Code)}");
            Check((await socket.CancelOrdersAsync([added.Value!.OrderId])).Success, "cancel_order");
            if (i >= 0)
            {
                restSamples[i] = restTook;
                socketSamples[i] = socketTook;
            }
        }

        await drain.CancelAsync();
        await drained.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Array.Sort(restSamples);
        Array.Sort(socketSamples);
        Console.WriteLine($"{count:N0} acknowledged orders per transport (after 200 warm-up each), alternating; sandbox store SQLite (default).");
        Console.WriteLine();
        Console.WriteLine("| Transport | p50 | p90 | p99 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(Row("REST AddOrder", restSamples));
        Console.WriteLine(Row("WebSocket add_order", socketSamples));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ratio WebSocket / REST: p50 {At(socketSamples, 0.50) / At(restSamples, 0.50):F2}, p99 {At(socketSamples, 0.99) / At(restSamples, 0.99):F2}"));
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private static SpotClient Client(SandboxExchange exchange, HttpClient http, Uri baseUrl, string name)
    {
        var created = exchange.CreateKey(new KeySpec("bench", KeyVenue.Spot, SpotPermission.ModifyOrders | SpotPermission.CancelCloseOrders | SpotPermission.QueryOpenOrdersAndTrades | SpotPermission.AccessWebSocketsApi,
            FuturesAccess.None, FuturesWithdraw: false, NonceWindow: 0, IpAllowlist: [], ExpiresAt: null, QueryStart: null, QueryEnd: null));
        Check(created.Success, "key");
        var credentials = KrakenCredentials.Create(created.Value!.Key.Key, created.Value.SecretBase64);
        var key = new KrakenKey(credentials, NonceSource.InMemory(credentials.ApiKey, new NonceOptions(), TimeProvider.System), new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions(), TimeProvider.System)) { Name = name };
        return new SpotClient(http, new KrakenClientOptions { BaseUrl = baseUrl, MaxRetries = 0, RetryBaseDelay = TimeSpan.Zero }, TimeProvider.System, key);
    }

    private static double At(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Row(string name, double[] sorted) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {At(sorted, 0.50):N0} µs | {At(sorted, 0.90):N0} µs | {At(sorted, 0.99):N0} µs | {sorted[^1]:N0} µs |");

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"ack-latency: {what} failed");
        }
    }
}
