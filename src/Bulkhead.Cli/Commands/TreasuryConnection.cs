using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Fleet.Treasury;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// The treasury's keys, opened through <see cref="ProcessSession"/>: the master's Spot key (process <c>treasury</c>) and,
/// when a Futures subaccount is involved, the master's Futures key (process <c>treasury-futures</c>). Also reads what an
/// account holds (a Spot subaccount through its own read-only reconciler key: Kraken keys see only their own account)
/// and the IIBANs Spot <c>AccountTransfer</c> takes.
/// </summary>
internal sealed class TreasuryConnection : IDisposable
{
    public const string SpotProcess = "treasury";
    public const string FuturesProcess = "treasury-futures";

    private readonly HttpClient _http = new();
    private readonly List<IDisposable> _owned = [];
    private readonly FleetManifest _manifest;
    private readonly ProcessSessionOptions _options;
    private readonly Dictionary<string, string> _iibans = new(StringComparer.Ordinal);

    public TreasuryConnection(FleetManifest manifest, ProcessSessionOptions options, bool needsFutures)
    {
        _manifest = manifest;
        _options = options;
        _owned.Add(_http);
        try
        {
            var spot = Open(SpotProcess);
            Spot = spot.CreateSpotClient(_http);
            if (needsFutures)
            {
                if (manifest.FindProcess(FuturesProcess) is null)
                {
                    throw new ProcessSessionException(ProcessSessionFailure.Configuration,
                        $"a Futures subaccount's funds move with the master's Futures key: add [processes.{FuturesProcess}] (role \"treasury\", account \"{manifest.Master.Name}\") and its key (venue \"futures\", permissions \"role\") to the manifest");
                }

                var futures = Open(FuturesProcess);
                Futures = new TreasuryFuturesAccount(futures.OpenTransfers(_http), futures.OpenVenue(_http));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public SpotClient Spot { get; }

    public TreasuryFuturesAccount? Futures { get; }

    /// <summary>Whether any of the accounts is a Futures subaccount.</summary>
    public static bool InvolvesFutures(FleetManifest manifest, params string?[] accounts) =>
        accounts.Any(a => a is not null && manifest.FindSubaccount(a)?.Venue == Venue.Futures);

    /// <summary>What <paramref name="account"/> may move, per Spot asset id.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> AvailableAsync(string account, CancellationToken cancellationToken)
    {
        if (_manifest.IsMaster(account))
        {
            return SpotAvailable(await Spot.GetExtendedBalancesAsync(cancellationToken).ConfigureAwait(false), account);
        }

        if (_manifest.FindSubaccount(account) is not { } sub)
        {
            return new Dictionary<string, decimal>();
        }

        if (sub.Venue == Venue.Futures)
        {
            var listed = await Futures!.Transfers.ListSubaccountsAsync(cancellationToken).ConfigureAwait(false);
            if (!listed.Success)
            {
                throw new TreasuryExchangeException($"listing the master's Futures subaccounts failed: {listed.Error}");
            }

            var found = listed.Value.FirstOrDefault(s => s.Name == account || s.AccountId == account || (s.Email?.StartsWith(account + "@", StringComparison.OrdinalIgnoreCase) ?? false))
                ?? throw new TreasuryExchangeException($"the master's Futures key does not list a subaccount '{account}'");
            return found.Balances.Where(b => b.Kind == WalletKind.Margin)
                .GroupBy(b => TreasuryAssets.SpotId(b.Currency), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(b => b.Available ?? b.Quantity), StringComparer.Ordinal);
        }

        var reader = _manifest.Processes.FirstOrDefault(p => p.Role is FleetRole.Reconciler or FleetRole.Dashboard
            && p.Key is { } k && _manifest.FindKey(k) is { Venue: Venue.Spot } key && key.Account == account)
            ?? throw new TreasuryPlanException($"no read-only process on '{account}' to read its balance with (Kraken keys see only their own account): add a reconciler process and key for it");
        using var session = ProcessSession.Open(_manifest, reader.Name, _options);
        var balances = await session.CreateSpotClient(_http).GetExtendedBalancesAsync(cancellationToken).ConfigureAwait(false);
        return SpotAvailable(balances, account);
    }

    /// <summary>
    /// The IIBAN of each account, from the manifest (<c>iiban = …</c>) or, on a sandbox, its admin API; remembered for the
    /// connection's life, so the check before a run and the run itself ask the sandbox once.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> IibansAsync(IEnumerable<string> accounts, CancellationToken cancellationToken)
    {
        var wanted = accounts.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var account in wanted)
        {
            var declared = _iibans.GetValueOrDefault(account) ?? (_manifest.IsMaster(account) ? _manifest.Master.Iiban : _manifest.FindSubaccount(account)?.Iiban);
            if (declared is not null)
            {
                result[account] = declared;
            }
        }

        var missing = wanted.Where(a => !result.ContainsKey(a)).ToList();
        if (missing.Count == 0)
        {
            return result;
        }

        var environment = _manifest.FindEnvironment(_options.Environment ?? _manifest.Fleet.DefaultEnvironment)!;
        var token = SandboxProvisionCommand.AdminToken(_manifest, environment, _options.GetVariable);
        if (environment.Kind == EnvironmentKind.Production || environment.AdminUrl is null || string.IsNullOrWhiteSpace(token))
        {
            throw new TreasuryPlanException($"no IIBAN for {string.Join(", ", missing)}: Spot AccountTransfer moves funds by IIBAN; add iiban = \"…\" to [master] / [subaccounts.NAME] (Kraken shows it in the account's settings)");
        }

        var listed = await new Fleet.Provisioning.SandboxAdminClient(_http, environment.AdminUrl, token).ListAccountsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var account in missing)
        {
            result[account] = _iibans[account] = listed.FirstOrDefault(a => a.Name == account)?.Iiban
                ?? throw new TreasuryPlanException($"the sandbox has no account '{account}' (or no IIBAN for it): run bulkhead sandbox provision first");
        }

        return result;
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }

    private static Dictionary<string, decimal> SpotAvailable(Kraken.Errors.KrakenResult<IReadOnlyDictionary<string, Kraken.Spot.Models.AssetBalance>> balances, string account) =>
        balances.Success
            ? balances.Value.ToDictionary(b => b.Key, b => b.Value.Available, StringComparer.Ordinal)
            : throw new TreasuryExchangeException($"reading {account}'s balance failed: {balances.Error}");

    private ProcessSession Open(string process)
    {
        var session = ProcessSession.Open(_manifest, process, _options);
        _owned.Add(session);
        return session;
    }
}
