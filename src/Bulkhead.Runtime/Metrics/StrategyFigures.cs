namespace Bulkhead.Runtime.Metrics;

/// <summary>One strategy's P&amp;L in USD from the fill journal (FillPnl, average cost) at the marks — the report's definition.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Account">Its subaccount.</param>
/// <param name="RealisedUsd">Realised, before fees.</param>
/// <param name="UnrealisedUsd">Open positions at the marks.</param>
/// <param name="FeesUsd">Fees paid.</param>
/// <param name="PnlUsd">Realised + unrealised − fees.</param>
/// <param name="VolumeUsd">Traded notional.</param>
/// <param name="Fills">Fills journaled.</param>
/// <param name="Positions">Signed position per symbol.</param>
public sealed record StrategyFigures(
    string Strategy,
    string Account,
    decimal RealisedUsd,
    decimal UnrealisedUsd,
    decimal FeesUsd,
    decimal PnlUsd,
    decimal VolumeUsd,
    long Fills,
    IReadOnlyDictionary<string, decimal> Positions);
