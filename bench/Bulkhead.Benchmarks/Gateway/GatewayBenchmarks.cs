using BenchmarkDotNet.Attributes;
using Bulkhead.Benchmarks.Sandbox;
using Bulkhead.Fleet.Journal;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Runtime.Gateway;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Microsoft.AspNetCore.Builder;

namespace Bulkhead.Benchmarks.Gateway;

/// <summary>
/// A signed private <c>Balance</c> through a gateway (local credential checked, role checked, the key's guard, the
/// account's shared REST budget in the SQLite coordination store, a fenced nonce, the real signature, the call journal
/// as a file, the exchange's bytes back) against the same call straight to the sandbox, loopback, keep-alive.
/// Goal (issue #17): at 16 in flight the gateway reaches at least 80 % of the direct throughput (Ratio at most 1.25);
/// the one-in-flight pair gives the gateway's added latency per call.
/// <para>
/// Both sides use one key each (the gateway holds one key by design), with a nonce window wide enough that 16 calls in
/// flight may reach the sandbox in any order; the gateway sends 16 at once (<see cref="GatewayOptions.MaxPrivateInFlight"/>).
/// Sandbox and gateway run on a clock 100,000× faster than real time, so the REST counters (the sandbox's and the
/// gateway's shared budget) are charged on every call but never refuse or delay one; the gateway's timers run on that
/// clock too (<see cref="ScaledClock"/>), so its lease and call timeout are given in its time.
/// </para>
/// </summary>
public class GatewayBenchmarks
{
    public const int Requests = 2_000;
    public const int Sequential = 400;
    public const int Concurrency = 16;
    private const string BalancePath = "/0/private/Balance";
    private const long Factor = 100_000;

    private readonly ScaledClock _clock = new(Factor);
    private WebApplication _sandbox = null!;
    private GatewayHost _gateway = null!;
    private CallJournalWriter _journal = null!;
    private DirectoryInfo _folder = null!;
    private HttpClient _http = null!;
    private Worker _direct = null!;
    private Worker _bot = null!;
    private Uri _sandboxUrl = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = Concurrency, UseProxy = false });
        _folder = Directory.CreateTempSubdirectory("bulkhead-bench-gateway-");
        _sandbox = SandboxHost.Build(new SandboxOptions { InMemory = true, AdminToken = "benchmark-admin-token" }, "http://127.0.0.1:0", _clock);
        var exchange = _sandbox.GetExchange();
        Check(exchange.CreateAccount("desk", master: null).Success);
        Check(exchange.CreateAccount("bench", master: "desk").Success);
        Check(exchange.Deposit("bench", Wallet.Spot, "ZUSD", 10_000m).Success);
        var directKey = CreateKey(exchange);
        var gatewayKey = CreateKey(exchange);
        await _sandbox.StartAsync();
        _sandboxUrl = new Uri(_sandbox.Urls.First().TrimEnd('/'));

        var manifestPath = Path.Combine(_folder.FullName, "fleet.toml");
        await File.WriteAllTextAsync(manifestPath, $"""
            [fleet]
            name = "bench"
            coordination = "sqlite:fleet.db"
            default_environment = "sandbox"

            [environments.sandbox]
            kind = "sandbox"
            spot_url = "{_sandboxUrl}"
            futures_url = "{_sandboxUrl}"

            [master]
            name = "desk"

            [subaccounts.bench]
            venue = "spot"
            mandate = "gateway benchmark"

            [processes.bot]
            role = "trader"
            account = "bench"
            key = "bot"

            [keys.bot]
            account = "bench"
            venue = "spot"
            permissions = "role"
            secret = "env:BOT"
            """);
        _journal = new CallJournalWriter(Path.Combine(_folder.FullName, "journal"), "bot");
        var local = LocalCredential.Create();
        _gateway = await GatewayHost.StartAsync(
            new GatewayOptions
            {
                Manifest = ManifestLoader.Load(manifestPath).GetValueOrThrow(),
                ProcessName = "bot",
                Credential = local,
                Time = _clock,
                GetVariable = name => name switch { "BOT_KEY" => gatewayKey.ApiKey, "BOT_SECRET" => gatewayKey.Secret, _ => null },
                Journal = _journal,
                MaxPrivateInFlight = Concurrency,
                // In the fast clock's time: renewed every 20 s and calls timed out after 30 s of real time.
                LeaseTtl = TimeSpan.FromMinutes(1) * Factor,
                // The nonce mark is reserved a day of the fast clock ahead (about 1 s of real time), as 30 s are in real use.
                Nonces = new NonceOptions { ReserveAhead = NonceOptions.MaxReserveAhead },
                ExchangeTimeout = TimeSpan.FromSeconds(30) * Factor,
            },
            CancellationToken.None);
        _direct = new Worker(directKey.Credentials, NonceSource.InMemory("direct", new NonceOptions(), TimeProvider.System));
        _bot = new Worker(local.Credentials, NonceSource.InMemory("bot", new NonceOptions(), TimeProvider.System));

        // A wrong answer must fail the run, not make it fast.
        await DirectAsync();
        await ThroughGatewayAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _gateway.DisposeAsync();
        _journal.Dispose();
        await _sandbox.StopAsync();
        await _sandbox.DisposeAsync();
        _http.Dispose();
        _direct.Nonces.Dispose();
        _bot.Nonces.Dispose();
        _folder.Delete(recursive: true);
    }

    /// <summary>16 in flight, straight to the sandbox.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task DirectAsync() => RunAsync(_sandboxUrl, _direct, Concurrency, Requests);

    /// <summary>16 in flight, through the gateway.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public Task ThroughGatewayAsync() => RunAsync(_gateway.Url, _bot, Concurrency, Requests);

    /// <summary>One at a time, straight to the sandbox: a call's latency.</summary>
    [Benchmark(OperationsPerInvoke = Sequential)]
    public Task DirectOneInFlightAsync() => RunAsync(_sandboxUrl, _direct, 1, Sequential);

    /// <summary>One at a time, through the gateway: the difference to <see cref="DirectOneInFlightAsync"/> is what the gateway adds.</summary>
    [Benchmark(OperationsPerInvoke = Sequential)]
    public Task ThroughGatewayOneInFlightAsync() => RunAsync(_gateway.Url, _bot, 1, Sequential);

    private Task RunAsync(Uri baseUrl, Worker worker, int concurrency, int requests)
    {
        var workers = new Task[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                for (var i = 0; i < requests / concurrency; i++)
                {
                    await SignedSpotCall.SendAsync(_http, baseUrl, worker, BalancePath);
                }
            });
        }

        return Task.WhenAll(workers);
    }

    private static (string ApiKey, string Secret, KrakenCredentials Credentials) CreateKey(SandboxExchange exchange)
    {
        // A nonce window of 10^11 µs of the fast clock (1 s of real time): 16 calls in flight may arrive in any order.
        var created = exchange.CreateKey(new KeySpec("bench", KeyVenue.Spot, SpotPermission.QueryFunds, FuturesAccess.None, FuturesWithdraw: false, NonceWindow: 100_000_000_000, IpAllowlist: [], ExpiresAt: null, QueryStart: null, QueryEnd: null));
        Check(created.Success);
        var key = created.Value!;
        return (key.Key.Key, key.SecretBase64, KrakenCredentials.Create(key.Key.Key, key.SecretBase64));
    }

    private static void Check(bool success)
    {
        if (!success)
        {
            throw new InvalidOperationException("Provisioning the benchmark sandbox failed.");
        }
    }
}
