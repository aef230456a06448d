using Bulkhead.Fleet.Fills;

namespace Bulkhead.Fleet.Reporting;

/// <summary>The two sides of every P&amp;L figure, at one set of marks: the exchange's books and the journal's fills.</summary>
public static class Valuation
{
    /// <summary>
    /// One account as the exchange's books show it: balances (and open Futures positions at the marks against the
    /// exchange's entry prices) minus the money moved in or out, valued at the marks; and how much of that P&amp;L is
    /// funding and other bookings rather than fills.
    /// </summary>
    public static AccountReport Account(AccountStatement statement, MarkPrices marks)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(marks);
        var lines = statement.Balances.OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => new BalanceLine(b.Key, b.Value, marks.Asset(b.Key), b.Value * marks.Asset(b.Key)))
            .ToList();
        var value = lines.Sum(l => l.ValueUsd);
        var unrealised = statement.Positions.Sum(p => p.Size * (marks.Symbol(p.Symbol) - p.EntryPrice));
        var flows = statement.NetFlows.Sum(f => f.Value * marks.Asset(f.Key));
        var funding = statement.Funding.Sum(f => f.Value * marks.Asset(f.Key));
        var other = statement.OtherBookings.Sum(o => o.Value * marks.Asset(o.Key));
        return new AccountReport(statement.Account, statement.Venue, statement.IsMaster, lines, value, unrealised, flows, value + unrealised - flows, funding, other);
    }

    /// <summary>One strategy's P&amp;L from its journal fills at the marks (<see cref="FillPnl"/>).</summary>
    public static StrategyReport Strategy(string strategy, string account, IEnumerable<JournalFill> fills, MarkPrices marks)
    {
        ArgumentNullException.ThrowIfNull(fills);
        ArgumentNullException.ThrowIfNull(marks);
        var lines = FillPnl.Fold(fills).Values.Select(p =>
        {
            var mark = marks.Symbol(p.Symbol);
            return new PositionLine(p.Symbol, p.Position, p.AverageCost, mark, p.Realised, p.Unrealised(mark), p.Fees, p.Pnl(mark), p.Volume, p.Fills);
        }).ToList();
        return new StrategyReport(strategy, account, lines, lines.Sum(l => l.RealisedUsd), lines.Sum(l => l.UnrealisedUsd), lines.Sum(l => l.FeesUsd),
            lines.Sum(l => l.PnlUsd), lines.Sum(l => l.VolumeUsd), lines.Sum(l => l.Fills));
    }

    /// <summary>
    /// The mark at which the account's equity falls to its maintenance margin for one position, the others held still:
    /// equity moves by size × Δmark, and the position's share of maintenance margin (pro rata to notional) scales with the
    /// mark. Solving E + S(m′ − m) = M_rest + M_i·m′/m gives m′ = (S·m − E + M_rest) / (S − M_i/m).
    /// </summary>
    public static LiquidationDistance Liquidation(FuturesExposure position, IReadOnlyList<FuturesExposure> all, FuturesMarginFigures margin, MarkPrices marks)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(margin);
        ArgumentNullException.ThrowIfNull(marks);
        var mark = marks.Symbol(position.Symbol);
        var notional = all.Sum(p => Math.Abs(p.Size) * marks.Symbol(p.Symbol));
        var own = notional == 0m ? 0m : margin.MaintenanceMargin * Math.Abs(position.Size) * mark / notional;
        var rest = margin.MaintenanceMargin - own;
        var slope = position.Size - (own / mark);
        decimal? price = slope == 0m ? null : ((position.Size * mark) - margin.PortfolioValue + rest) / slope;
        if (price is not { } p || p <= 0m || (position.Size > 0m ? p >= mark : p <= mark))
        {
            // No positive mark liquidates it (over-collateralised long), or it is already below maintenance.
            return price is { } q && q > 0m
                ? new LiquidationDistance(position.Symbol, position.Size, position.EntryPrice, mark, q, 0m, 0m)
                : new LiquidationDistance(position.Symbol, position.Size, position.EntryPrice, mark, null, null, null);
        }

        var distance = Math.Abs(p - mark);
        return new LiquidationDistance(position.Symbol, position.Size, position.EntryPrice, mark, p, distance, decimal.Round(distance / mark * 100m, 4));
    }
}
