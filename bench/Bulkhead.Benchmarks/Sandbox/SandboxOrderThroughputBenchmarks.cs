using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Benchmarks.Sandbox;

/// <summary>
/// Signed <c>AddOrder</c> + <c>CancelOrder</c> pairs over loopback with keep-alive against the sandbox with its default
/// store (SQLite, WAL, <c>synchronous=NORMAL</c>: every AddOrder and every CancelOrder is one committed transaction with
/// its nonce, order and hold), compared with a bare Kestrel floor answering the same two POSTs with constants. Goal
/// (issue #6): the sandbox reaches at least 25 % of the floor's pairs per second, i.e. Ratio at most 4.
/// <para>
/// <see cref="Concurrency"/> workers, each with its own key (sequential nonces, nonce window 0) of one funded account,
/// each placing a resting limit buy of 0.001 XBT at $10,000 (far from any fill: the market is off and nobody sells),
/// reading its txid from the answer and cancelling it. Times are per pair (two HTTP requests). The sandbox runs on a
/// clock 100,000× faster than real time, so the trading counter (AddOrder +1, the cancel penalty by order age) and the
/// REST counter are charged on every call but never refuse one; at most one order per worker is open at any time.
/// </para>
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SandboxOrderThroughputBenchmarks
{
    public const int Pairs = 1_000;
    public const int Concurrency = 16;
    private const string AddPath = "/0/private/AddOrder";
    private const string CancelPath = "/0/private/CancelOrder";
    private const string FloorAdd = """{"error":[],"result":{"descr":{"order":"buy 0.00100000 XBTUSD @ limit 10000.0"},"txid":["OAAAAA-BBBBB-CCCCCC"]}}""";
    private const string FloorCancel = """{"error":[],"result":{"count":1}}""";
    private const string Order = "&ordertype=limit&type=buy&volume=0.001&pair=XBTUSD&price=10000";

    private readonly List<WebApplication> _servers = [];
    private readonly List<DirectoryInfo> _folders = [];
    private HttpClient _http = null!;
    private Target _floor = null!;
    private Target _sqlite = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = Concurrency,
            UseProxy = false,
        });
        _floor = await StartFloorAsync();
        _sqlite = await StartSandboxAsync();

        // A wrong answer must fail the run, not make it fast.
        await RunAsync(_floor);
        await RunAsync(_sqlite);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        foreach (var server in _servers)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }

        _floor.Dispose();
        _sqlite.Dispose();
        foreach (var folder in _folders)
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Bare Kestrel on loopback: AddOrder and CancelOrder answered with constants; nothing read, nothing checked.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public Task Floor() => RunAsync(_floor);

    /// <summary>The sandbox with its default store (SQLite, persistence on): place a resting order, then cancel it.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public Task SandboxSqliteAddCancel() => RunAsync(_sqlite);

    private async Task RunAsync(Target target)
    {
        var workers = new Task[Concurrency];
        for (var w = 0; w < Concurrency; w++)
        {
            var worker = target.Workers[w];
            workers[w] = Task.Run(async () =>
            {
                for (var i = 0; i < Pairs / Concurrency; i++)
                {
                    var answer = await SignedSpotCall.SendAsync(_http, target.BaseUrl, worker, AddPath, Order);
                    var txid = TxidOf(answer);
                    var cancelled = await SignedSpotCall.SendAsync(_http, target.BaseUrl, worker, CancelPath, "&txid=" + txid);
                    if (!cancelled.Contains("\"count\":1", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"CancelOrder {txid} answered {cancelled}");
                    }
                }
            });
        }

        await Task.WhenAll(workers);
    }

    private static string TxidOf(string answer)
    {
        using var document = JsonDocument.Parse(answer);
        return document.RootElement.GetProperty("result").GetProperty("txid")[0].GetString()
            ?? throw new InvalidOperationException($"AddOrder answered no txid: {answer}");
    }

    private async Task<Target> StartFloorAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost(AddPath, () => Results.Text(FloorAdd, "application/json"));
        app.MapPost(CancelPath, () => Results.Text(FloorCancel, "application/json"));
        var baseUrl = await StartAsync(app);
        var workers = Enumerable.Range(0, Concurrency)
            .Select(i => new Worker(KrakenCredentials.Create($"floor-key-{i}", Convert.ToBase64String(new byte[64])), NonceSource.InMemory($"floor-key-{i}", new NonceOptions(), TimeProvider.System)))
            .ToArray();
        return new Target(baseUrl, workers);
    }

    private async Task<Target> StartSandboxAsync()
    {
        var folder = Directory.CreateTempSubdirectory("bulkhead-bench-orders-");
        _folders.Add(folder);
        var options = new SandboxOptions { InMemory = false, DataFolder = folder.FullName, AdminToken = "benchmark-admin-token" };
        var app = SandboxHost.Build(options, "http://127.0.0.1:0", new FastClock(100_000));
        var exchange = app.GetExchange();
        Check(exchange.CreateAccount("bench", master: null).Success);
        Check(exchange.Deposit("bench", Wallet.Spot, "ZUSD", 1_000_000m).Success);
        var workers = new Worker[Concurrency];
        for (var i = 0; i < Concurrency; i++)
        {
            var created = exchange.CreateKey(new KeySpec("bench", KeyVenue.Spot, SpotPermission.ModifyOrders | SpotPermission.CancelCloseOrders, FuturesAccess.None, FuturesWithdraw: false, NonceWindow: 0, IpAllowlist: [], ExpiresAt: null, QueryStart: null, QueryEnd: null));
            Check(created.Success);
            var key = created.Value!;
            workers[i] = new Worker(KrakenCredentials.Create(key.Key.Key, key.SecretBase64), NonceSource.InMemory(key.Key.Key, new NonceOptions(), TimeProvider.System));
        }

        return new Target(await StartAsync(app), workers);
    }

    private async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        _servers.Add(app);
        return new Uri(app.Urls.First().TrimEnd('/'));
    }

    private static void Check(bool success)
    {
        if (!success)
        {
            throw new InvalidOperationException("Provisioning the benchmark sandbox failed.");
        }
    }
}
