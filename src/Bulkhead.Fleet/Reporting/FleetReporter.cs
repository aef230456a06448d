using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// Builds the <see cref="FleetReport"/>: the exchange read through every account's reconciler key (<see cref="ExchangeReader"/>),
/// the strategies' P&amp;L from the fill journal, all at one set of marks.
/// </summary>
public static class FleetReporter
{
    /// <summary>Reads the exchange and the journal once (<see cref="FleetReview"/>) and builds the report (in-process API of <c>bulkhead report</c>).</summary>
    /// <exception cref="ProcessSessionException">A reconciler key cannot be opened (configuration, held by another process, store).</exception>
    public static async Task<FleetReport> RunAsync(FleetManifest manifest, ProcessSessionOptions options, CancellationToken cancellationToken) =>
        Build(manifest, await FleetReview.ReadAsync(manifest, options, cancellationToken).ConfigureAwait(false));

    /// <summary>The report of one read of the fleet (no I/O).</summary>
    public static FleetReport Build(FleetManifest manifest, FleetReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return Build(manifest, review.Statement, review.Fills, review.Time);
    }

    /// <summary>The report of <paramref name="statement"/> and <paramref name="fills"/> (no I/O).</summary>
    public static FleetReport Build(FleetManifest manifest, FleetStatement statement, IReadOnlyList<JournalFill> fills, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(fills);
        var marks = statement.Marks;
        var accounts = statement.Accounts.Select(a => Valuation.Account(a, marks)).ToList();
        var strategies = StrategyNames(manifest, fills)
            .Select(s => Valuation.Strategy(s.Name, s.Account, fills.Where(f => f.Strategy == s.Name), marks))
            .ToList();
        var consolidated = new ConsolidatedReport(
            accounts.Sum(a => a.EquityUsd),
            accounts.Sum(a => a.NetFlowsUsd),
            accounts.Sum(a => a.ExchangePnlUsd),
            strategies.Sum(s => s.RealisedUsd),
            strategies.Sum(s => s.UnrealisedUsd),
            strategies.Sum(s => s.FeesUsd),
            strategies.Sum(s => s.PnlUsd),
            strategies.Sum(s => s.VolumeUsd),
            accounts.Sum(a => a.FundingUsd),
            accounts.Sum(a => a.OtherBookingsUsd));
        var risk = statement.Accounts.Where(a => a.Margin is not null).Select(a => new FuturesRiskReport(
                a.Account,
                a.Margin!.PortfolioValue,
                a.Margin.InitialMargin,
                a.Margin.MaintenanceMargin,
                a.Margin.AvailableMargin,
                a.Margin.MarginLevel,
                [.. a.Positions.Select(p => Valuation.Liquidation(p, a.Positions, a.Margin, marks))]))
            .ToList();
        return new FleetReport(time, statement.Environment, marks, accounts, strategies, consolidated, statement.Fees, risk);
    }

    /// <summary>The manifest's strategies in order, then any strategy the journal has fills of that the manifest no longer names.</summary>
    private static IEnumerable<(string Name, string Account)> StrategyNames(FleetManifest manifest, IReadOnlyList<JournalFill> fills)
    {
        var named = manifest.Strategies.Select(s => (s.Name, s.Account)).ToList();
        var known = named.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        return named.Concat(fills.Where(f => !known.Contains(f.Strategy)).Select(f => (f.Strategy, f.Account)).Distinct().OrderBy(s => s.Strategy, StringComparer.Ordinal));
    }
}
