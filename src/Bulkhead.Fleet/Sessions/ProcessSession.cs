using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Secrets;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Journal;
using Bulkhead.Kraken.Limits;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Venues;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Sessions;

/// <summary>
/// One manifest process's key, opened for this operating-system process: the manifest's process → its key → its secret →
/// the key's lease (refused at once, naming the holder, when another live process holds it) → a nonce source over the
/// lease's high-water mark → the key's lockout guard → the account's rate limiters over the coordination store, shared by
/// every process on that account. Every runtime process, <c>bulkhead api --fleet</c>, the reconciler and the treasury open
/// their key here. Disposing releases the lease (last) and closes the store.
/// </summary>
public sealed class ProcessSession : IDisposable
{
    private readonly IDisposable[] _owned;
    private readonly LeaseKeeper _keeper;

    private ProcessSession(FleetManifest manifest, FleetProcess process, FleetKey key, FleetEnvironment environment, KrakenKey krakenKey, LeaseKeeper keeper, ICoordinationStore store, IDisposable[] owned)
    {
        Manifest = manifest;
        Process = process;
        Key = key;
        Environment = environment;
        KrakenKey = krakenKey;
        _keeper = keeper;
        Store = store;
        _owned = owned;
    }

    /// <summary>The manifest the process belongs to.</summary>
    public FleetManifest Manifest { get; }

    /// <summary>The manifest's process this session runs as.</summary>
    public FleetProcess Process { get; }

    /// <summary>The process's key (its manifest entry; never the secret).</summary>
    public FleetKey Key { get; }

    /// <summary>The environment the session runs in (its URLs).</summary>
    public FleetEnvironment Environment { get; }

    /// <summary>The signing key with its leased nonce source and lockout guard.</summary>
    public KrakenKey KrakenKey { get; }

    /// <summary>The key's lockout guard: tripped after repeated authentication failures; the process must then halt.</summary>
    public LockoutGuard Guard => KrakenKey.Guard;

    /// <summary>The coordination store holding the lease (also the shared rate state).</summary>
    public ICoordinationStore Store { get; }

    /// <summary>
    /// The key's Spot limiters, as Kraken counts them: the key's own REST call counter, and the account's per-pair trading
    /// counters shared through the store with every process on the account.
    /// </summary>
    public required SpotRateLimiters SpotLimiters { get; init; }

    /// <summary>The account's Futures limiters, shared through the store with every process on the account.</summary>
    public required FuturesRateLimiters FuturesLimiters { get; init; }

    /// <summary>
    /// What the key's WebSocket client charges: its connections and their requests, and Spot order entry on the account's
    /// trading counters — the same states REST order entry charges (<see cref="SpotLimiters"/>).
    /// </summary>
    public required SocketRateLimiters SocketLimiters { get; init; }

    /// <summary>
    /// Cancelled when the lease is lost (another holder took over, or it could not be renewed within half its time):
    /// stop sending at once. The key's nonce source is disposed then, so nothing more can be signed.
    /// </summary>
    public CancellationToken LeaseLost => _keeper.Lost;

    /// <summary>The lease this session holds (fencing token, holder).</summary>
    public Lease Lease => _keeper.Lease;

    /// <summary>Raised (with the reason) when the lease is lost.</summary>
    public event EventHandler<string>? LeaseLostReported
    {
        add => _keeper.LeaseLost += value;
        remove => _keeper.LeaseLost -= value;
    }

    /// <summary>The account the process acts on (a subaccount, or the master).</summary>
    public string Account => Key.Account;

    /// <summary>
    /// Opens <paramref name="processName"/>'s key. Throws <see cref="ProcessSessionException"/> naming what is wrong
    /// (configuration, key held by another process, store unreachable); nothing is sent to the exchange before that.
    /// </summary>
    public static ProcessSession Open(FleetManifest manifest, string processName, ProcessSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        var (process, key, environment) = Resolve(manifest, processName, options.Environment);
        KrakenCredentials credentials;
        try
        {
            credentials = SecretResolver.ForManifest(manifest, options.GetVariable).Resolve(key.Secret);
        }
        catch (SecretsException ex)
        {
            throw new ProcessSessionException(ProcessSessionFailure.Configuration, ex.Message);
        }

        ICoordinationStore store;
        try
        {
            store = CoordinationStore.Open(manifest.Fleet.Coordination, options.Time, manifest.BaseDirectory);
        }
#pragma warning disable CA1031 // Any failure to reach the store is reported, with its type, and nothing is sent.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            throw new ProcessSessionException(ProcessSessionFailure.StoreUnavailable, $"cannot open the coordination store of {Path.GetFileName(manifest.SourceFile)} ({ex.GetType().Name}: {ex.Message})");
        }

        return TakeLease(manifest, process, key, environment, credentials, store, options);
    }

    /// <summary>A Spot client signing with this session's key, its shared limiters and <paramref name="journal"/>.</summary>
    public SpotClient CreateSpotClient(HttpClient http, ICallJournal? journal = null, TimeSpan? timeout = null) =>
        new(http, ClientOptions(Environment.SpotUrl, journal, timeout), Time, KrakenKey, SpotLimiters);

    /// <summary>
    /// The session's account as a venue (<see cref="IAccountVenue"/>: orders, fills with fees, ledger, balances, positions,
    /// instruments, tickers), on the transport of the key's venue, signing with this session's key, its shared limiters and
    /// <paramref name="journal"/>. The one place the runtime and the fleet choose a transport for an account.
    /// </summary>
    public IAccountVenue OpenVenue(HttpClient http, ICallJournal? journal = null, TimeSpan? timeout = null) => Key.Venue == Venue.Futures
        ? CreateFuturesClient(http, journal, timeout)
        : new SpotVenue(CreateSpotClient(http, journal, timeout));

    /// <summary>
    /// The fees the session's account pays (<see cref="IFeeVenue"/> over Spot <c>TradeVolume</c>, for the pairs — or, when
    /// the process's strategy trades a Futures subaccount, the contracts — it trades), or null when the key cannot ask:
    /// a Futures REST key has no <c>TradeVolume</c> (Kraken serves Futures fees only through Spot since June 2026).
    /// </summary>
    public IFeeVenue? OpenFees(HttpClient http, ICallJournal? journal = null, TimeSpan? timeout = null)
    {
        if (Key.Venue == Venue.Futures)
        {
            return null;
        }

        var traded = Process.Strategy is { } name && Manifest.FindStrategy(name) is { } strategy ? Manifest.FindSubaccount(strategy.Account)?.Venue : null;
        return new TradeVolumeFees(CreateSpotClient(http, journal, timeout), derivatives: traded == Venue.Futures);
    }

    /// <summary>The venue (Spot or Futures) of the account the process works on: its subaccount's, else its key's.</summary>
    public Venue AccountVenue => Manifest.FindSubaccount(Account)?.Venue ?? Key.Venue;

    /// <summary>
    /// The session's account on Kraken's WebSockets (a process with <c>transport = "websocket"</c>; its key is a Kraken API
    /// key): a Spot account on Spot WebSocket v2 (<see cref="SpotSocketVenue"/>, REST through the same key only for
    /// AssetPairs, fill history and the ledger), a derivatives account on the Unified WebSocket
    /// (<see cref="UnifiedSocketVenue"/>, no Futures REST). Tokens come through the key's own Spot client (lease, fenced
    /// nonce, rate budget, lockout guard); the connection's sessions are recorded in <paramref name="journal"/>. Not
    /// started: the caller starts it with the symbols it trades and disposes it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key is a Futures key (the manifest refuses a streaming process with one).</exception>
    public SocketAccountVenue OpenSocketVenue(HttpClient http, ICallJournal? journal = null, Action<KrakenSocketOptions>? configure = null)
    {
        if (Key.Venue == Venue.Futures)
        {
            throw new InvalidOperationException($"key '{Key.Name}' is a Futures key; the WebSockets take a token from Spot REST, so a streaming process needs a Kraken API key");
        }

        var spot = CreateSpotClient(http, journal);
        return AccountVenue == Venue.Futures
            ? UnifiedSocketVenue.Open(spot, SocketEndpoint(SocketProtocol.Unified), Time, journal, configure)
            : SpotSocketVenue.Open(spot, SocketEndpoint(SocketProtocol.SpotV2), Time, journal, configure);
    }

    /// <summary>
    /// The private endpoint of <paramref name="protocol"/> in the session's environment: Kraken's own addresses in
    /// production, else the environment's Spot REST server, which serves both protocols on Kraken's paths (the sandbox).
    /// </summary>
    public KrakenSocketEndpoint SocketEndpoint(SocketProtocol protocol, bool isPrivate = true) => Environment.Kind == EnvironmentKind.Production
        ? (protocol, isPrivate) switch
        {
            (SocketProtocol.SpotV2, true) => KrakenSocketEndpoint.SpotPrivate,
            (SocketProtocol.SpotV2, false) => KrakenSocketEndpoint.SpotPublic,
            (_, true) => KrakenSocketEndpoint.UnifiedPrivate,
            _ => KrakenSocketEndpoint.UnifiedPublic,
        }
        : KrakenSocketEndpoint.OnServer(Environment.SpotUrl, protocol, isPrivate);

    /// <summary>The transfers of the session's derivatives account (its key must be a Futures key): wallets, subaccounts, withdrawal to Spot.</summary>
    /// <exception cref="InvalidOperationException">The key is a Spot key.</exception>
    public ITransferVenue OpenTransfers(HttpClient http, ICallJournal? journal = null, TimeSpan? timeout = null) => Key.Venue == Venue.Futures
        ? CreateFuturesClient(http, journal, timeout)
        : throw new InvalidOperationException($"key '{Key.Name}' is a Spot key; derivatives transfers need a Futures key");

    /// <summary>A Futures client signing with this session's key, the account's shared limiters and <paramref name="journal"/>.</summary>
    public FuturesRestClient CreateFuturesClient(HttpClient http, ICallJournal? journal = null, TimeSpan? timeout = null) =>
        new(http, ClientOptions(Environment.FuturesUrl, journal, timeout), Time, KrakenKey, FuturesLimiters);

    private TimeProvider Time { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    /// <summary>The manifest's process, its key and environment, or a configuration failure naming what is missing.</summary>
    public static (FleetProcess Process, FleetKey Key, FleetEnvironment Environment) Resolve(FleetManifest manifest, string processName, string? environmentName)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var envName = environmentName ?? manifest.Fleet.DefaultEnvironment;
        var process = manifest.FindProcess(processName);
        var key = process?.Key is { } keyName ? manifest.FindKey(keyName) : null;
        var environment = manifest.FindEnvironment(envName);
        var problem = process is null ? $"the manifest has no process '{processName}'"
            : key is null ? $"process '{processName}' has no key in the manifest"
            : environment is null ? $"the manifest has no environment '{envName}'"
            : !key.IsIn(envName) ? $"key '{key.Name}' is not declared for environment '{envName}'"
            : null;
        return problem is null ? (process!, key!, environment!) : throw new ProcessSessionException(ProcessSessionFailure.Configuration, problem);
    }

    /// <summary>Where the guard of key <paramref name="keyName"/> in <paramref name="environment"/> keeps its failures and halt.</summary>
    public static StateStoreGuardStore GuardStore(ICoordinationStore store, string environment, string keyName)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new StateStoreGuardStore(store.RateLimits, environment + "/" + keyName);
    }

    private static KrakenClientOptions ClientOptions(Uri? url, ICallJournal? journal, TimeSpan? timeout) =>
        new() { BaseUrl = url, CallJournal = journal, Timeout = timeout ?? TimeSpan.FromSeconds(10) };

    private static ProcessSession TakeLease(FleetManifest manifest, FleetProcess process, FleetKey key, FleetEnvironment environment, KrakenCredentials credentials, ICoordinationStore store, ProcessSessionOptions options)
    {
        var time = options.Time;
        LeaseKeeper? keeper = null;
        try
        {
            var holder = LeaseHolder.ForThisProcess(process.Name, time);
            if (options.GetVariable(ProcessSessionOptions.HostVariable) is { Length: > 0 } host)
            {
                holder = holder with { Host = host };
            }

            var result = store.TryAcquire(key.Name, holder, options.LeaseTtl);
            if (!result.Granted)
            {
                throw new ProcessSessionException(ProcessSessionFailure.KeyUnavailable, result.ToString());
            }

            keeper = new LeaseKeeper(store, result.Lease, options.LeaseTtl, time);
            var nonces = new NonceSource(new LeasedNonceStore(store, result.Lease, credentials.MaskedKey), options.Nonces, time);

            // Self-fencing stops signing for good: no nonce is handed out once the lease is lost (taken over, or not
            // renewed within half its time), whatever the process is still doing (a graceful stop's cancel-all included).
            // Off the timer's thread: a nonce reservation hanging on an unreachable store holds the source's lock.
            keeper.LeaseLost += (_, _) => _ = Task.Run(nonces.Dispose);
            // The guard's failures and halt live with the key's lease: a restart never starts from zero against the lockout.
            var envName = options.Environment ?? manifest.Fleet.DefaultEnvironment;
            var guard = new LockoutGuard(credentials.MaskedKey, options.Guard, time, GuardStore(store, envName, key.Name));

            // As Kraken counts: the trading counters and Futures budgets belong to the ACCOUNT, so every key on it shares
            // one state; the Spot REST counter belongs to the KEY (named by the manifest, never by its public key).
            var account = AccountBudgets.StateAccount(envName, key.Account);
            var tier = options.Tier ?? manifest.Master.Tier;
            var limits = new AccountRateLimits(account, tier, store.RateLimits, time, AccountBudgets.SpotRest(tier));
            return new ProcessSession(manifest, process, key, environment, new KrakenKey(credentials, nonces, guard) { Name = key.Name }, keeper, store, [nonces, keeper, store])
            {
                SpotLimiters = SpotRateLimiters.From(limits, key.Name),
                FuturesLimiters = FuturesRateLimiters.From(limits),
                SocketLimiters = limits.Sockets(key.Name),
                Time = time,
            };
        }
        catch (LeaseLostException ex)
        {
            keeper?.Dispose();
            store.Dispose();
            throw new ProcessSessionException(ProcessSessionFailure.KeyUnavailable, ex.Message);
        }
        catch (ProcessSessionException)
        {
            store.Dispose();
            throw;
        }
    }
}
