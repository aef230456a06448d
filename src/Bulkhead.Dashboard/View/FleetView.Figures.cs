using Bulkhead.Dashboard.Documents;
using Bulkhead.Dashboard.Sources;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Runtime.Metrics;

namespace Bulkhead.Dashboard.View;

/// <summary>
/// The figures the metrics read (<see cref="IFleetFigures"/>), taken from the very document the page gets (its P&amp;L,
/// balances, margin, fees and tree) plus each strategy's positions folded from the same fills: /metrics and the page
/// never disagree.
/// </summary>
internal sealed partial class FleetView : IFleetFigures
{
    /// <inheritdoc />
    public async Task<FleetFigures> ReadAsync(CancellationToken cancellationToken)
    {
        var composed = await ComposeFullAsync(cancellationToken).ConfigureAwait(false);
        return composed.Figures;
    }

    private FleetFigures Figures(FleetDocument document, Reading<IReadOnlyList<JournalFill>> fills, MarkPrices? marks)
    {
        var positions = (fills.Value ?? []).GroupBy(f => f.Strategy, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<string, decimal>)FillPnl.Fold(g).Values.ToDictionary(p => p.Symbol, p => p.Position, StringComparer.Ordinal),
            StringComparer.Ordinal);
        var strategies = document.Pnl.Strategies.Select(s => new StrategyFigures(
            s.Strategy, s.Account, s.RealisedUsd, s.UnrealisedUsd, s.FeesUsd, s.PnlUsd, s.VolumeUsd, s.Fills,
            positions.GetValueOrDefault(s.Strategy) ?? new Dictionary<string, decimal>())).ToList();
        var symbols = positions.Values.SelectMany(p => p.Keys).Concat(_manifest.Strategies.SelectMany(s => s.Pairs)).Distinct(StringComparer.Ordinal);
        var markFigures = marks is null
            ? new Dictionary<string, decimal>()
            : symbols.Select(s => (Symbol: s, Mark: marks.FindSymbol(s))).Where(m => m.Mark is not null).ToDictionary(m => m.Symbol, m => m.Mark!.Value, StringComparer.Ordinal);

        var headroom = Nodes(document.Tree.Master).Select(n => n switch
        {
            MasterNode m => (m.Name, m.RateHeadroom),
            SubaccountNode s => (s.Name, s.RateHeadroom),
            _ => (Name: (string?)null, RateHeadroom: (RateHeadroomView?)null),
        }).Where(n => n.Name is not null).ToDictionary(n => n.Name!, n => n.RateHeadroom, StringComparer.Ordinal);
        // Kraken counts the Spot REST counter per key: each key's own figure, and an account's is its tightest key's.
        var keys = Nodes(document.Tree.Master).OfType<KeyNode>().Where(k => k.RestHeadroom is not null)
            .Select(k => (k.Name, Account: _manifest.FindKey(k.Name)?.Account, Headroom: k.RestHeadroom!.Value)).Where(k => k.Account is not null)
            .DistinctBy(k => k.Name, StringComparer.Ordinal).ToList();
        var restByAccount = keys
            .GroupBy(k => k.Account!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (decimal?)g.Min(k => k.Headroom), StringComparer.Ordinal);
        var equity = document.Balances.Accounts.ToDictionary(a => a.Account, a => a.EquityUsd, StringComparer.Ordinal);
        var margin = document.Margin.Accounts.ToDictionary(a => a.Account, a => a.MarginLevel, StringComparer.Ordinal);
        var accounts = Accounts().Select(a => new AccountFigures(
            a.Account,
            equity.GetValueOrDefault(a.Account),
            margin.GetValueOrDefault(a.Account),
            restByAccount.GetValueOrDefault(a.Account),
            headroom.GetValueOrDefault(a.Account)?.Trading)).ToList();

        var leases = Nodes(document.Tree.Master).OfType<ProcessNode>().Where(p => p.Lease is not null)
            .Select(p => (Key: _manifest.FindProcess(p.Name)?.Key, p.Lease)).Where(p => p.Key is not null)
            .GroupBy(p => p.Key!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Lease!, StringComparer.Ordinal);
        var leaseFigures = _manifest.Keys.Where(k => _manifest.ProcessesUsing(k.Name).Any(p => p.Role is Fleet.Manifest.FleetRole.Trader or Fleet.Manifest.FleetRole.Dashboard))
            .Select(k => leases.TryGetValue(k.Name, out var lease)
                ? new LeaseFigures(k.Name, true, lease.Fencing, lease.HeartbeatAgeSeconds)
                : new LeaseFigures(k.Name, false, 0, null)).ToList();
        return new FleetFigures(document.Time, document.Exchange.Reachable, strategies, markFigures, accounts, leaseFigures, document.Fees.Volume30dUsd, document.Fees.VolumeToNextTierUsd)
        {
            Reconciliation = Reconciliation?.Latest,
            Keys = [.. keys.Select(k => new KeyRateFigures(k.Name, k.Account!, k.Headroom))],
        };
    }

    private static IEnumerable<TreeNode> Nodes(TreeNode node) => node.Children.SelectMany(Nodes).Prepend(node);
}
