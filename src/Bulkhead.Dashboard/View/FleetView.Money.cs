using Bulkhead.Dashboard.Documents;
using Bulkhead.Dashboard.Sources;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Dashboard.View;

/// <summary>The money parts: balances, P&amp;L, equity, fees, margin.</summary>
internal sealed partial class FleetView
{
    private static readonly MarkPrices NoMarks = new(DateTimeOffset.MinValue, new Dictionary<string, decimal>(), new Dictionary<string, decimal>());

    private BalancesPart Balances(Reading<IReadOnlyList<JournalSnapshot>> snapshots, MarkPrices? marks, string? marketError)
    {
        if (!snapshots.Ok)
        {
            return new BalancesPart([], new ConsolidatedBalances(null, []), snapshots.Error);
        }

        var errors = new List<string>();
        var accounts = new List<AccountBalances>();
        foreach (var (account, venue) in Accounts())
        {
            var balances = Find(snapshots.Value!, account, AccountSnapshots.BalancesKind);
            if (balances is null)
            {
                continue;
            }

            try
            {
                var held = AccountSnapshots.Holdings(balances, Find(snapshots.Value!, account, AccountSnapshots.MarginKind), marks);
                accounts.Add(new AccountBalances(account, VenueText.Of(venue), Usd(held.EquityUsd), [.. held.Assets.Select(a => new AssetBalance(a.Asset, a.Amount, Usd(a.ValueUsd)))], held.Time, held.Process));
            }
            catch (FormatException ex)
            {
                errors.Add(ex.Message);
            }
        }

        var consolidated = new ConsolidatedBalances(
            accounts.TrueForAll(a => a.EquityUsd is not null) ? accounts.Sum(a => a.EquityUsd!.Value) : null,
            [.. accounts.SelectMany(a => a.Assets).GroupBy(a => a.Asset, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new AssetBalance(g.Key, g.Sum(a => a.Amount), g.All(a => a.Usd is not null) ? g.Sum(a => a.Usd!.Value) : null))]);
        if (marks is null && marketError is not null)
        {
            errors.Add($"no marks yet, only USD is valued ({marketError})");
        }

        return new BalancesPart(accounts, consolidated, Join(errors));
    }

    private PnlPart Pnl(Reading<IReadOnlyList<JournalFill>> fills, Reading<IReadOnlyList<EquityPoint>> equity, MarkPrices? marks, string? marketError)
    {
        if (!fills.Ok)
        {
            return new PnlPart([], new PnlFigures(0m, 0m, 0m, 0m), null, fills.Error);
        }

        var strategies = new List<StrategyPnl>();
        var stale = new List<string>();
        foreach (var (name, account) in StrategyNames(fills.Value!))
        {
            var own = fills.Value!.Where(f => f.Strategy == name).ToList();
            if (own.Count == 0 || (marks is not null && own.TrueForAll(f => marks.FindSymbol(f.Symbol) is not null)))
            {
                var report = Valuation.Strategy(name, account, own, marks ?? NoMarks);
                strategies.Add(new StrategyPnl(name, account, Usd(report.RealisedUsd), Usd(report.UnrealisedUsd), Usd(report.FeesUsd), Usd(report.PnlUsd), Usd(report.VolumeUsd), report.Fills));
                continue;
            }

            // No mark for one of its symbols: the strategy's own last equity point (its worker's FillPnl at its marks).
            var point = equity.Value?.LastOrDefault(p => p.Strategy == name);
            var folded = FillPnl.Fold(own).Values.ToList();
            stale.Add(name);
            strategies.Add(point is null
                ? new StrategyPnl(name, account, Usd(folded.Sum(p => p.Realised)), 0m, Usd(folded.Sum(p => p.Fees)), Usd(folded.Sum(p => p.Realised - p.Fees)), Usd(folded.Sum(p => p.Volume)), own.Count)
                : new StrategyPnl(name, account, Usd(point.RealisedPnlUsd), Usd(point.UnrealisedPnlUsd), Usd(point.FeesUsd), Usd(point.PnlUsd), Usd(folded.Sum(p => p.Volume)), own.Count));
        }

        var error = stale.Count == 0 ? null
            : $"no current mark for {string.Join(", ", stale)} ({marketError ?? "the exchange lists none"}): their P&L is their last equity point (unrealised 0 without one)";
        var consolidated = new PnlFigures(strategies.Sum(s => s.RealisedUsd), strategies.Sum(s => s.UnrealisedUsd), strategies.Sum(s => s.FeesUsd), strategies.Sum(s => s.PnlUsd));
        return new PnlPart(strategies, consolidated, marks?.Time, error);
    }

    private EquityPart Equity(Reading<IReadOnlyList<EquityPoint>> equity, DateTimeOffset? since, int perStrategy)
    {
        if (!equity.Ok)
        {
            return new EquityPart([], equity.Error);
        }

        var names = _manifest.Strategies.Select(s => (s.Name, s.Account))
            .Concat(equity.Value!.Select(p => (Name: p.Strategy, p.Account)).Where(p => _manifest.FindStrategy(p.Name) is null).Distinct().OrderBy(p => p.Name, StringComparer.Ordinal));
        var curves = names.Select(s =>
        {
            var points = equity.Value!.Where(p => p.Strategy == s.Name && (since is null || p.Time >= since)).ToList();
            return new StrategyEquity(s.Name, s.Account, [.. points.Skip(Math.Max(0, points.Count - perStrategy)).Select(p => new EquityPointView(p.Time, Usd(p.PnlUsd), Usd(p.EquityUsd)))]);
        });
        return new EquityPart([.. curves], null);
    }

    private FeesPart Fees(Reading<IReadOnlyList<JournalSnapshot>> snapshots, FeeLadder? exchangeLadder, string? marketError)
    {
        var ladder = exchangeLadder ?? FeeLadder.KrakenSpot;
        var source = exchangeLadder is null ? "built-in" : "exchange";
        var tiers = ladder.Tiers.Select(Tier).ToList();
        if (!snapshots.Ok)
        {
            return new FeesPart(null, null, null, null, tiers, source, null, snapshots.Error);
        }

        var volume = Find(snapshots.Value!, _manifest.Master.Name, AccountSnapshots.VolumeKind);
        if (volume is null)
        {
            var why = _manifest.Processes.Any(p => p.Role == FleetRole.Dashboard)
                ? "no 30-day volume yet: the dashboard process writes it every 5 s once it runs"
                : "no 30-day volume: the manifest has no process with role \"dashboard\" to read the master's TradeVolume";
            return new FeesPart(null, null, null, null, tiers, source, null, why);
        }

        try
        {
            var position = ladder.Position(AccountSnapshots.Volume(volume));
            return new FeesPart(position.Volume30dUsd, Tier(position.Tier), position.NextTier is { } next ? Tier(next) : null, position.VolumeToNextTierUsd, tiers, source, volume.Time, null);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            return new FeesPart(null, null, null, null, tiers, source, volume.Time, ex.Message);
        }
    }

    private MarginPart Margin(Reading<IReadOnlyList<JournalFill>> fills, Reading<IReadOnlyList<JournalSnapshot>> snapshots, MarkPrices? marks)
    {
        if (!snapshots.Ok || !fills.Ok)
        {
            return new MarginPart([], snapshots.Error ?? fills.Error);
        }

        var accounts = new List<AccountMargin>();
        var errors = new List<string>();
        foreach (var subaccount in _manifest.Subaccounts.Where(s => s.Venue == Venue.Futures))
        {
            if (Find(snapshots.Value!, subaccount.Name, AccountSnapshots.MarginKind) is not { } snapshot)
            {
                continue;
            }

            try
            {
                if (AccountSnapshots.MarginWallet(snapshot) is not { } flex)
                {
                    continue;
                }

                var open = FillPnl.Fold(fills.Value!.Where(f => f.Account == subaccount.Name && f.Venue == Venue.Futures)).Values
                    .Where(p => p.Position != 0m).Select(p => new FuturesExposure(p.Symbol, p.Position, p.AverageCost)).ToList();
                var marked = marks is not null && open.TrueForAll(p => marks.FindSymbol(p.Symbol) is not null);
                var positions = open.Select(p =>
                {
                    if (!marked)
                    {
                        return new PositionRisk(p.Symbol, p.Size, Usd(p.EntryPrice), marks?.FindSymbol(p.Symbol), null, null);
                    }

                    var liquidation = Valuation.Liquidation(p, open, flex, marks!);
                    return new PositionRisk(p.Symbol, p.Size, Usd(p.EntryPrice), liquidation.Mark, Usd(liquidation.LiquidationPrice), liquidation.DistancePercent);
                });
                accounts.Add(new AccountMargin(subaccount.Name, flex.MarginLevel, flex.PortfolioValue, flex.InitialMargin, flex.MaintenanceMargin, flex.AvailableMargin, [.. positions], snapshot.Time));
            }
            catch (FormatException ex)
            {
                errors.Add(ex.Message);
            }
        }

        return new MarginPart(accounts, Join(errors));
    }

    /// <summary>The master, then each subaccount, with its venue.</summary>
    private IEnumerable<(string Account, Venue Venue)> Accounts() =>
        _manifest.Subaccounts.Select(s => (s.Name, s.Venue)).Prepend((_manifest.Master.Name, Venue.Spot));

    /// <summary>The manifest's strategies, then any the journal has fills of that it no longer names.</summary>
    private IEnumerable<(string Name, string Account)> StrategyNames(IReadOnlyList<JournalFill> fills) =>
        _manifest.Strategies.Select(s => (s.Name, s.Account))
            .Concat(fills.Where(f => _manifest.FindStrategy(f.Strategy) is null).Select(f => (Name: f.Strategy, f.Account)).Distinct().OrderBy(s => s.Name, StringComparer.Ordinal));

    private static JournalSnapshot? Find(IReadOnlyList<JournalSnapshot> snapshots, string account, string kind) =>
        snapshots.Where(s => s.Account == account && s.Kind == kind).MaxBy(s => s.Time);

    private static FeeTierView Tier(FeeLadderTier tier) => new(tier.MinVolumeUsd, tier.MakerPercent, tier.TakerPercent);

    private static string? Join(List<string> errors) => errors.Count == 0 ? null : string.Join("; ", errors);

    /// <summary>USD figures to 4 decimals (Kraken's USD scale): average costs carry division noise a page should not show.</summary>
    private static decimal Usd(decimal value) => decimal.Round(value, 4, MidpointRounding.ToEven);

    private static decimal? Usd(decimal? value) => value is { } v ? Usd(v) : null;
}
