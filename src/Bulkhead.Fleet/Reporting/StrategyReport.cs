namespace Bulkhead.Fleet.Reporting;

/// <summary>One strategy's P&amp;L from the fill journal (average cost, <see cref="Fills.FillPnl"/>) at the report's marks.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Account">Its subaccount.</param>
/// <param name="Positions">Per symbol.</param>
/// <param name="RealisedUsd">Σ realised, before fees.</param>
/// <param name="UnrealisedUsd">Σ unrealised.</param>
/// <param name="FeesUsd">Σ fees.</param>
/// <param name="PnlUsd">Realised + unrealised − fees.</param>
/// <param name="VolumeUsd">Σ traded notional.</param>
/// <param name="Fills">Σ fills.</param>
public sealed record StrategyReport(
    string Strategy,
    string Account,
    IReadOnlyList<PositionLine> Positions,
    decimal RealisedUsd,
    decimal UnrealisedUsd,
    decimal FeesUsd,
    decimal PnlUsd,
    decimal VolumeUsd,
    int Fills);
