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
/// Signed private <c>Balance</c> calls over loopback with keep-alive, against the sandbox, compared with a bare Kestrel
/// endpoint that returns a constant (the floor). Goal (issue #5): the sandbox reaches at least 40% of the floor's
/// throughput, i.e. Ratio (sandbox time / floor time) at most 2.5.
/// <para>
/// One client for all: an <see cref="HttpClient"/> on a <see cref="SocketsHttpHandler"/>, <see cref="Concurrency"/>
/// requests in flight (one worker each, so up to that many pooled keep-alive connections), <see cref="Requests"/>
/// requests per invocation; times are per request. Every request is built the same way for every target: a nonce
/// from <see cref="NonceSource.InMemory"/>, <c>nonce=N</c> as the body, <c>API-Sign</c> from <see cref="SpotSigner"/>.
/// </para>
/// <para>
/// Nonces: one key (and one nonce source) per worker. A worker's calls are sequential, so its nonces reach the
/// sandbox in order and the strict check (nonce window 0, the common configuration) holds; one shared key would let
/// concurrent requests overtake each other in flight and fail with <c>EAPI:Invalid nonce</c> unless the key had a
/// nonce window, which would measure the rarer path. All keys belong to one account.
/// </para>
/// <para>
/// The sandbox runs on a clock that goes 100,000× faster than real time, so the account's REST counter (Intermediate:
/// max 20, decaying 0.5/s) is still charged on every call but never refuses one; nothing else in a Balance call reads
/// the clock.
/// </para>
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SandboxThroughputBenchmarks
{
    public const int Requests = 2_000;
    public const int Concurrency = 16;
    private const string BalancePath = "/0/private/Balance";
    private const string FloorAnswer = """{"error":[],"result":{"ZUSD":"10000.0000","XXBT":"0.5000000000"}}""";

    private readonly List<WebApplication> _servers = [];
    private readonly List<DirectoryInfo> _folders = [];
    private HttpClient _http = null!;
    private Target _floor = null!;
    private Target _sqlite = null!;
    private Target _sqliteNormal = null!;
    private Target _inMemory = null!;

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
        _sqlite = await StartSandboxAsync(inMemory: false, syncEveryCommit: true);
        _sqliteNormal = await StartSandboxAsync(inMemory: false, syncEveryCommit: false);
        _inMemory = await StartSandboxAsync(inMemory: true, syncEveryCommit: true);

        // A wrong answer must fail the run, not make it fast.
        foreach (var target in new[] { _floor, _sqlite, _sqliteNormal, _inMemory })
        {
            await RunAsync(target);
        }
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

        foreach (var target in new[] { _floor, _sqlite, _sqliteNormal, _inMemory })
        {
            target.Dispose();
        }

        foreach (var folder in _folders)
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Bare Kestrel on loopback: the same POST, answered with a constant Balance body; nothing read, nothing checked.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task Floor() => RunAsync(_floor);

    /// <summary>The sandbox on SQLite with <c>--full-sync</c> (<c>synchronous=FULL</c>: an fsync per commit; each call commits its nonce).</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public Task SandboxSqliteFullSync() => RunAsync(_sqlite);

    /// <summary>The sandbox with its default store: SQLite in WAL mode, <c>synchronous=NORMAL</c>.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public Task SandboxSqlite() => RunAsync(_sqliteNormal);

    /// <summary>The sandbox with the in-memory store (<c>--in-memory</c>).</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public Task SandboxInMemory() => RunAsync(_inMemory);

    private async Task RunAsync(Target target)
    {
        var workers = new Task[Concurrency];
        for (var w = 0; w < Concurrency; w++)
        {
            var worker = target.Workers[w];
            workers[w] = Task.Run(async () =>
            {
                for (var i = 0; i < Requests / Concurrency; i++)
                {
                    await SignedSpotCall.SendAsync(_http, target.BaseUrl, worker, BalancePath);
                }
            });
        }

        await Task.WhenAll(workers);
    }

    private async Task<Target> StartFloorAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost(BalancePath, () => Results.Text(FloorAnswer, "application/json"));
        var baseUrl = await StartAsync(app);
        var workers = Enumerable.Range(0, Concurrency)
            .Select(i => new Worker(KrakenCredentials.Create($"floor-key-{i}", Convert.ToBase64String(new byte[64])), NonceSource.InMemory($"floor-key-{i}", new NonceOptions(), TimeProvider.System)))
            .ToArray();
        return new Target(baseUrl, workers);
    }

    private async Task<Target> StartSandboxAsync(bool inMemory, bool syncEveryCommit)
    {
        var options = new SandboxOptions { InMemory = inMemory, SyncEveryCommit = syncEveryCommit, AdminToken = "benchmark-admin-token" };
        if (!inMemory)
        {
            var folder = Directory.CreateTempSubdirectory("bulkhead-bench-sandbox-");
            _folders.Add(folder);
            options.DataFolder = folder.FullName;
        }

        var app = SandboxHost.Build(options, "http://127.0.0.1:0", new FastClock(100_000));
        var exchange = app.GetExchange();
        Check(exchange.CreateAccount("bench", master: null).Success);
        Check(exchange.Deposit("bench", Wallet.Spot, "ZUSD", 10_000m).Success);
        Check(exchange.Deposit("bench", Wallet.Spot, "XXBT", 0.5m).Success);
        var workers = new Worker[Concurrency];
        for (var i = 0; i < Concurrency; i++)
        {
            var created = exchange.CreateKey(new KeySpec("bench", KeyVenue.Spot, SpotPermission.QueryFunds, FuturesAccess.None, FuturesWithdraw: false, NonceWindow: 0, IpAllowlist: [], ExpiresAt: null, QueryStart: null, QueryEnd: null));
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
