using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Bulkhead.Benchmarks.Sandbox;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Microsoft.AspNetCore.Builder;

namespace Bulkhead.Benchmarks.Sockets;

/// <summary>
/// Order entry on one connection, one request at a time, against the sandbox with its default store (SQLite, WAL,
/// <c>synchronous=NORMAL</c>): REST <c>AddOrder</c> + <c>CancelOrder</c> pairs over one keep-alive HTTP connection
/// (signed, a fenced nonce each) against Spot WebSocket v2 <c>add_order</c> + <c>cancel_order</c> pairs over one socket
/// (a token, no signature, no nonce; the client follows its executions as a bot does). Goal (issue #15): the socket
/// does at least 3× the REST pairs per second, i.e. Ratio at most 0.33. Each pair places a resting limit buy of
/// 0.001 XBT at $10,000 (far from any fill: the market is off) and cancels it; after set-up the sandbox's clock runs
/// 100,000× faster than real time so the trading counter never refuses. <see cref="Store"/> <c>memory</c> shows what the
/// transports cost without the SQLite commit.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SocketOrderEntryBenchmarks
{
    public const int Pairs = 200;
    private const string Order = "&ordertype=limit&type=buy&volume=0.001&pair=XBTUSD&price=10000";

    /// <summary>The sandbox's store: <c>sqlite</c> (the default, persistence on) or <c>memory</c> (what the transport costs without the commit).</summary>
    [Params("sqlite", "memory")]
    public string Store { get; set; } = "sqlite";

    private readonly SwitchableClock _clock = new();
    private WebApplication _app = null!;
    private DirectoryInfo _folder = null!;
    private HttpClient _http = null!;
    private Uri _baseUrl = null!;
    private Worker _worker = null!;
    private ClientWebSocket _socket = null!;
    private string _token = null!;
    private long _reqId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("bulkhead-bench-ws-orders-");
        var options = new SandboxOptions { DataFolder = _folder.FullName, InMemory = Store == "memory", AdminToken = "benchmark-admin-token" };
        options.Sockets.IdleTimeout = TimeSpan.FromDays(36_500);
        options.Sockets.MessageBurst = 1_000_000;
        options.Sockets.MessagesPerSecond = 1_000_000;
        _app = SandboxHost.Build(options, "http://127.0.0.1:0", _clock);
        var exchange = _app.GetExchange();
        Check(exchange.CreateAccount("bench", master: null).Success);
        Check(exchange.Deposit("bench", Wallet.Spot, "ZUSD", 1_000_000m).Success);
        var created = exchange.CreateKey(new KeySpec("bench", KeyVenue.Spot, SpotPermission.ModifyOrders | SpotPermission.CancelCloseOrders | SpotPermission.QueryOpenOrdersAndTrades | SpotPermission.AccessWebSocketsApi,
            FuturesAccess.None, FuturesWithdraw: false, NonceWindow: 0, IpAllowlist: [], ExpiresAt: null, QueryStart: null, QueryEnd: null));
        Check(created.Success);
        await _app.StartAsync();
        _baseUrl = new Uri(_app.Urls.First().TrimEnd('/'));
        var credentials = KrakenCredentials.Create(created.Value!.Key.Key, created.Value.SecretBase64);
        _worker = new Worker(credentials, NonceSource.InMemory(credentials.ApiKey, new NonceOptions(), TimeProvider.System));
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = 1, UseProxy = false });
        _socket = new ClientWebSocket();
        await _socket.ConnectAsync(new Uri("ws" + _baseUrl.ToString()["http".Length..].TrimEnd('/') + "/auth/v2"), CancellationToken.None);
        using (var token = JsonDocument.Parse(await SignedSpotCall.SendAsync(_http, _baseUrl, _worker, "/0/private/GetWebSocketsToken", string.Empty)))
        {
            _token = token.RootElement.GetProperty("result").GetProperty("token").GetString()!;
        }


        // As a bot does: follow its own executions (the subscription also keeps the token alive once the clock runs fast).
        await RequestAsync($$"""{"method":"subscribe","params":{"channel":"executions","snap_orders":false,"token":"{{_token}}"},"req_id":{{++_reqId}}}""");

        _clock.Accelerate(100_000);

        // A wrong answer must fail the run, not make it fast.
        await Rest();
        await Socket();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        _http.Dispose();
        _worker.Nonces.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    /// <summary>REST: signed AddOrder, then CancelOrder of its txid, one keep-alive connection.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public async Task Rest()
    {
        for (var i = 0; i < Pairs; i++)
        {
            var added = await SignedSpotCall.SendAsync(_http, _baseUrl, _worker, "/0/private/AddOrder", Order);
            using var document = JsonDocument.Parse(added);
            var txid = document.RootElement.GetProperty("result").GetProperty("txid")[0].GetString();
            var cancelled = await SignedSpotCall.SendAsync(_http, _baseUrl, _worker, "/0/private/CancelOrder", "&txid=" + txid);
            if (!cancelled.Contains("\"count\":1", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("CancelOrder answered " + cancelled);
            }
        }
    }

    /// <summary>Spot WebSocket v2: add_order, then cancel_order of its order_id, one socket.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public async Task Socket()
    {
        for (var i = 0; i < Pairs; i++)
        {
            var added = await RequestAsync($$"""{"method":"add_order","params":{"order_type":"limit","side":"buy","order_qty":0.001,"symbol":"BTC/USD","limit_price":10000,"token":"{{_token}}"},"req_id":{{++_reqId}}}""");
            var orderId = added.GetProperty("result").GetProperty("order_id").GetString();
            var cancelled = await RequestAsync($$"""{"method":"cancel_order","params":{"order_id":["{{orderId}}"],"token":"{{_token}}"},"req_id":{{++_reqId}}}""");
            if (cancelled.GetProperty("result").GetProperty("order_id").GetString() != orderId)
            {
                throw new InvalidOperationException("cancel_order answered " + cancelled.GetRawText());
            }
        }
    }

    private async Task<JsonElement> RequestAsync(string json)
    {
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                length += result.Count;
            }
            while (!result.EndOfMessage);

            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            var root = document.RootElement;
            if (root.TryGetProperty("req_id", out var id) && id.GetInt64() == _reqId)
            {
                if (!root.GetProperty("success").GetBoolean())
                {
                    throw new InvalidOperationException("The sandbox refused: " + root.GetRawText());
                }

                return root.Clone();
            }
        }
    }

    private static void Check(bool success)
    {
        if (!success)
        {
            throw new InvalidOperationException("Provisioning the benchmark sandbox failed.");
        }
    }
}
