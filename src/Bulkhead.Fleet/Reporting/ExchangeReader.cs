using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reporting.Internal;
using Bulkhead.Fleet.Sessions;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// Reads the fleet's <see cref="FleetStatement"/>: each account through the key of its reconciler process (Kraken keys
/// see only their own account; each session is opened, used and released in turn, so a reconciler key held by a running
/// process fails with <see cref="ProcessSessionFailure.KeyUnavailable"/>), incrementally — from the
/// <see cref="StatementProgress"/> the last read kept in the fleet's coordination store (<see cref="StatementProgressStore"/>)
/// —, then the public marks of every asset held and every symbol traded, and the master's fee tier.
/// </summary>
/// <param name="http">The HTTP client the Kraken clients use.</param>
public sealed class ExchangeReader(HttpClient http)
{
    /// <summary>The reconciler process of every account: the master first, then the subaccounts in manifest order.</summary>
    /// <exception cref="ProcessSessionException">An account has no reconciler process (a configuration failure).</exception>
    public static IReadOnlyList<(string Account, bool IsMaster, string Process)> Reconcilers(FleetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return [.. new[] { manifest.Master.Name }.Concat(manifest.Subaccounts.Select(s => s.Name)).Select(account =>
        {
            var process = manifest.Processes.FirstOrDefault(p => p.Role == FleetRole.Reconciler && p.Account == account && p.Key is not null)
                ?? throw new ProcessSessionException(ProcessSessionFailure.Configuration,
                    $"account '{account}' has no reconciler process: add [processes.{account}-reconciler] with role = \"reconciler\", account = \"{account}\" and a read-only key of that account");
            return (account, manifest.IsMaster(account), process.Name);
        })];
    }

    /// <summary>Reads every account, the marks and the fee tier; <paramref name="symbols"/> are extra symbols to mark (the journal's).</summary>
    /// <exception cref="ProcessSessionException">A reconciler key cannot be opened (configuration, held, store).</exception>
    /// <exception cref="Bulkhead.Kraken.Errors.KrakenException">The exchange refused a call.</exception>
    public async Task<FleetStatement> ReadAsync(FleetManifest manifest, ProcessSessionOptions options, IEnumerable<string> symbols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(symbols);
        var environmentName = options.Environment ?? manifest.Fleet.DefaultEnvironment;
        var environment = manifest.FindEnvironment(environmentName)
            ?? throw new ProcessSessionException(ProcessSessionFailure.Configuration, $"the manifest has no environment '{environmentName}'");
        var spotMarket = PublicVenues.Spot(http, environment, options.Time);
        var spotPairs = (await spotMarket.GetInstrumentsAsync(cancellationToken).ConfigureAwait(false)).GetValueOrThrow().Select(i => i.Symbol).ToHashSet(StringComparer.Ordinal);

        var statements = new List<AccountStatement>();
        FeeStatus? fees = null;
        var traded = manifest.Strategies.SelectMany(s => s.Pairs).Concat(symbols).ToHashSet(StringComparer.Ordinal);
        using var progress = StatementProgressStore.Open(manifest.Fleet.Coordination, options.Time, manifest.BaseDirectory);
        foreach (var (account, isMaster, process) in Reconcilers(manifest))
        {
            using var session = ProcessSession.Open(manifest, process, options);
            var read = await AccountStatements.ReadAsync(session.OpenVenue(http), session.Key.Venue, account, isMaster, process, progress.Load(environmentName, account), cancellationToken).ConfigureAwait(false);
            progress.Save(environmentName, account, read);
            statements.Add(read.Statement);
            if (isMaster && session.Key.Venue == Venue.Spot)
            {
                var contract = manifest.Strategies.Where(s => manifest.FindSubaccount(s.Account)?.Venue == Venue.Futures).SelectMany(s => s.Pairs).Order(StringComparer.Ordinal).FirstOrDefault();
                fees = await FeeTier.ReadAsync(session.CreateSpotClient(http), traded.Where(spotPairs.Contains).Order(StringComparer.Ordinal).FirstOrDefault(), contract, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var statement in statements)
        {
            traded.UnionWith(statement.Fills.Select(f => f.Symbol));
        }

        var marks = await MarkReader.ReadAsync(
            spotMarket,
            PublicVenues.Futures(http, environment, options.Time),
            traded,
            statements.SelectMany(s => s.Balances.Keys.Concat(s.NetFlows.Keys).Concat(s.Funding.Keys).Concat(s.OtherBookings.Keys)).ToHashSet(StringComparer.Ordinal),
            options.Time,
            cancellationToken).ConfigureAwait(false);
        return new FleetStatement(environmentName, marks, statements, fees);
    }
}
