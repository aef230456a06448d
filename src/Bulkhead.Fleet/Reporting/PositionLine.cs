namespace Bulkhead.Fleet.Reporting;

/// <summary>A strategy's position in one symbol, folded from its journal fills by <see cref="Fills.FillPnl"/>.</summary>
/// <param name="Symbol">The pair or contract.</param>
/// <param name="Position">Signed size.</param>
/// <param name="AverageCost">Average entry price (0 when flat).</param>
/// <param name="Mark">The mark it is valued at.</param>
/// <param name="RealisedUsd">Realised P&amp;L, before fees.</param>
/// <param name="UnrealisedUsd">Position × (mark − average cost).</param>
/// <param name="FeesUsd">Fees paid.</param>
/// <param name="PnlUsd">Realised + unrealised − fees.</param>
/// <param name="VolumeUsd">Traded notional.</param>
/// <param name="Fills">Fills folded.</param>
public sealed record PositionLine(
    string Symbol,
    decimal Position,
    decimal AverageCost,
    decimal Mark,
    decimal RealisedUsd,
    decimal UnrealisedUsd,
    decimal FeesUsd,
    decimal PnlUsd,
    decimal VolumeUsd,
    int Fills);
