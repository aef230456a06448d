using System.CommandLine;
using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Secrets;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Limits;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// The fleet path of <c>bulkhead api</c>: the manifest's process → its key → its secret → the key's lease (refused at once,
/// naming the holder, when another process holds it) → a nonce source over the lease's mark and the account's rate
/// limiters over the coordination store, shared by every process on that account.
/// </summary>
internal static class FleetKeys
{
    /// <summary>Kept off the counter's maximum, so arrival jitter between processes never takes the exchange's counter over.</summary>
    public const decimal BudgetMargin = 1m;

    /// <summary>Overrides the host name a lease records (default: the machine's name); a holder named after another host is never declared dead from here.</summary>
    public const string HostVariable = "BULKHEAD_HOST";

    /// <summary>Opens the process's key; returns 0, or the exit code with <paramref name="problem"/>.</summary>
    public static int Open(CliEnvironment environment, FleetOptions options, ParseResult parse, Venue venue, bool needsKey, out KeyContext? context, out Uri? baseUrl, out string? problem)
    {
        context = null;
        baseUrl = null;
        var file = parse.GetValue(options.Fleet)!;
        var processName = parse.GetValue(options.Process);
        if (string.IsNullOrWhiteSpace(processName))
        {
            problem = "--fleet needs --process NAME: the manifest's process to run as";
            return ExitCodes.Usage;
        }

        if (!options.TryGetLeaseTtl(parse, out var ttl, out problem))
        {
            return ExitCodes.Usage;
        }

        var loaded = ManifestLoader.Load(file.FullName);
        if (!loaded.IsValid)
        {
            problem = $"{file.FullName} is not a valid fleet manifest:{Environment.NewLine}" + string.Join(Environment.NewLine, loaded.Problems);
            return ExitCodes.Usage;
        }

        var manifest = loaded.Manifest;
        var process = manifest.FindProcess(processName);
        var key = process?.Key is { } keyName ? manifest.FindKey(keyName) : null;
        var envName = parse.GetValue(options.Env) ?? manifest.Fleet.DefaultEnvironment;
        var fleetEnvironment = manifest.FindEnvironment(envName);
        problem = process is null ? $"the manifest has no process '{processName}'"
            : key is null ? $"process '{processName}' has no key in the manifest"
            : fleetEnvironment is null ? $"the manifest has no environment '{envName}'"
            : key.Venue != venue ? $"key '{key.Name}' of process '{processName}' is a {key.Venue} key; use bulkhead api {key.Venue.ToString().ToLowerInvariant()}"
            : !key.IsIn(envName) ? $"key '{key.Name}' is not declared for environment '{envName}'"
            : null;
        if (problem is not null)
        {
            return ExitCodes.Usage;
        }

        baseUrl = venue == Venue.Spot ? fleetEnvironment!.SpotUrl : fleetEnvironment!.FuturesUrl;
        if (!needsKey)
        {
            context = KeyContext.Empty();
            return ExitCodes.Success;
        }

        Kraken.Signing.KrakenCredentials credentials;
        try
        {
            credentials = SecretResolver.ForManifest(manifest, environment.GetVariable).Resolve(key!.Secret);
        }
        catch (SecretsException ex)
        {
            problem = ex.Message;
            return ExitCodes.Usage;
        }

        ICoordinationStore store;
        try
        {
            store = CoordinationStore.Open(manifest.Fleet.Coordination, environment.Time, manifest.BaseDirectory);
        }
#pragma warning disable CA1031 // Any failure to reach the store is reported, with its type, and nothing is sent.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problem = $"cannot open the coordination store of {file.Name} ({ex.GetType().Name}: {ex.Message})";
            return ExitCodes.CallFailed;
        }

        return Lease(environment, parse.GetValue(options.Tier), store, key!, process!, envName, credentials, ttl, out context, out problem);
    }

    private static int Lease(CliEnvironment environment, SpotTier tier, ICoordinationStore store, FleetKey key, FleetProcess process, string envName, Kraken.Signing.KrakenCredentials credentials, TimeSpan ttl, out KeyContext? context, out string? problem)
    {
        context = null;
        var time = environment.Time;
        LeaseKeeper? keeper = null;
        try
        {
            var holder = LeaseHolder.ForThisProcess(process.Name, time);
            if (environment.GetVariable(HostVariable) is { Length: > 0 } host)
            {
                holder = holder with { Host = host };
            }

            var result = store.TryAcquire(key.Name, holder, ttl);
            if (!result.Granted)
            {
                store.Dispose();
                problem = result.ToString();
                return ExitCodes.KeyUnavailable;
            }

            keeper = new LeaseKeeper(store, result.Lease, ttl, time);
            keeper.LeaseLost += (_, why) => environment.Error.WriteLine($"bulkhead: {why}");
            var nonces = new NonceSource(new LeasedNonceStore(store, result.Lease, credentials.MaskedKey), new NonceOptions(), time);
            var guard = new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions(), time);

            // The budget belongs to the ACCOUNT (Kraken counts per account), so every key on it shares one state.
            var account = envName + "/" + key.Account;
            var limits = new AccountRateLimits(account, tier, store.RateLimits, time);
            var rest = SpotRestLimits.For(tier);
            var spotRest = new SpotRestLimiter(account, rest with { Maximum = rest.Maximum - BudgetMargin }, store.RateLimits, time);
            context = new KeyContext(new KrakenKey(credentials, nonces, guard) { Name = key.Name }, nonces, keeper, store)
            {
                SpotLimiters = new SpotRateLimiters(spotRest, limits.SpotTrading),
                FuturesLimiters = FuturesRateLimiters.From(limits),
                LeaseLost = keeper.Lost,
            };
            problem = null;
            return ExitCodes.Success;
        }
        catch (LeaseLostException ex)
        {
            keeper?.Dispose();
            store.Dispose();
            problem = ex.Message;
            return ExitCodes.KeyUnavailable;
        }
    }
}
