using Bulkhead.Sandbox.Assets;

namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// Margin arithmetic for one account, pure: the figures are a function of that account's <see cref="MarginAccountState"/>
/// and the prices, nothing else. Rates come from <see cref="InstrumentCatalog.ClassALevels"/>: the whole position's USD
/// notional at mark picks ONE rung (not marginal bands; Kraken leaves this UNCONFIRMED). Open orders count as Kraken's
/// <c>initialMarginWithOrders</c>: per instrument, the larger of the initial margin if every open buy filled and if every
/// open sell filled, so an order that only reduces a position needs no margin.
/// </summary>
public static class MarginCalculator
{
    /// <summary>The rung of the margin ladder for a USD notional.</summary>
    public static MarginLevel Level(decimal notional)
    {
        var levels = InstrumentCatalog.ClassALevels;
        var level = levels[0];
        foreach (var rung in levels)
        {
            if (notional >= rung.NotionalFrom)
            {
                level = rung;
            }
        }

        return level;
    }

    /// <summary>Initial margin of a position of <paramref name="notional"/> USD.</summary>
    public static decimal InitialMargin(decimal notional) => notional * Level(notional).InitialMargin;

    /// <summary>Maintenance margin of a position of <paramref name="notional"/> USD.</summary>
    public static decimal MaintenanceMargin(decimal notional) => notional * Level(notional).MaintenanceMargin;

    /// <summary>
    /// The USD value of one unit of a collateral asset: the index price of the asset's USD perpetual when there is one
    /// (<c>XXBT</c> → <c>PF_XBTUSD</c>), else the catalogue's indicative price (USD and USDT at 1).
    /// </summary>
    public static decimal UsdValue(string assetId, IMarkPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var asset = AssetCatalog.Find(assetId) ?? throw new ArgumentException($"'{assetId}' is not a known asset.", nameof(assetId));
        var perpetual = InstrumentCatalog.All.FirstOrDefault(i => string.Equals(i.Base, asset.AltName, StringComparison.Ordinal));
        return perpetual is null ? asset.UsdPrice : prices.Index(perpetual.Symbol);
    }

    /// <summary>The account's margin figures at the current prices.</summary>
    public static MarginSummary Summarise(MarginAccountState state, IMarkPrices prices)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(prices);
        var balance = state.Collateral.Sum(c => c.Value * UsdValue(c.Key, prices));
        decimal unrealised = 0m, initial = 0m, withOrders = 0m, maintenance = 0m;
        var symbols = state.Positions.Where(p => !p.IsFlat).Select(p => p.Symbol)
            .Concat(state.Orders.Select(o => o.Symbol)).Distinct(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            var mark = prices.Mark(symbol);
            var size = 0m;
            foreach (var position in state.Positions.Where(p => string.Equals(p.Symbol, symbol, StringComparison.Ordinal)))
            {
                size += position.Size;
                unrealised += position.UnrealisedPnl(mark);
            }

            var buys = state.Orders.Where(o => o.Symbol == symbol && o.SignedRemaining > 0m).Sum(o => o.SignedRemaining);
            var sells = state.Orders.Where(o => o.Symbol == symbol && o.SignedRemaining < 0m).Sum(o => o.SignedRemaining);
            var notional = Math.Abs(size * mark);
            initial += InitialMargin(notional);
            maintenance += MaintenanceMargin(notional);
            withOrders += Math.Max(InitialMargin(Math.Abs((size + buys) * mark)), InitialMargin(Math.Abs((size + sells) * mark)));
        }

        return new MarginSummary(balance, unrealised, initial, withOrders, maintenance);
    }

    /// <summary>
    /// Whether the account can carry <paramref name="order"/> on top of what it has: yes when the order does not raise
    /// the initial margin with orders (it only reduces), or when the available margin after it still covers
    /// <paramref name="fee"/> (an estimate of the order's fee, zero to ignore fees).
    /// </summary>
    public static MarginCheck Check(MarginAccountState state, IMarkPrices prices, MarginOrder order, decimal fee = 0m)
    {
        ArgumentNullException.ThrowIfNull(state);
        var before = Summarise(state, prices);
        var after = Summarise(state.WithOrder(order), prices);
        var accepted = after.InitialMarginWithOrders <= before.InitialMarginWithOrders || after.AvailableMargin - fee >= 0m;
        return new MarginCheck(accepted, before, after);
    }

    /// <summary>
    /// The quantity a reduce-only order may have: the requested signed quantity trimmed to the position it closes; zero
    /// when it would open or add (Futures then answers <c>wouldNotReducePosition</c>).
    /// </summary>
    public static decimal ReduceOnlyQuantity(decimal positionSize, decimal signedQuantity) =>
        positionSize == 0m || Math.Sign(positionSize) == Math.Sign(signedQuantity)
            ? 0m
            : Math.Sign(signedQuantity) * Math.Min(Math.Abs(signedQuantity), Math.Abs(positionSize));
}
