namespace Bulkhead.Fleet.Reporting;

/// <summary>How far one Futures position's mark can move against it before the account's equity falls below maintenance margin.</summary>
/// <param name="Symbol">The contract.</param>
/// <param name="Size">Signed contracts.</param>
/// <param name="EntryPrice">The exchange's entry price.</param>
/// <param name="Mark">The mark now.</param>
/// <param name="LiquidationPrice">The mark at which equity = maintenance margin (null: none above zero).</param>
/// <param name="DistanceUsd">|liquidation price − mark| (null when there is none).</param>
/// <param name="DistancePercent">That distance in percent of the mark.</param>
public sealed record LiquidationDistance(string Symbol, decimal Size, decimal EntryPrice, decimal Mark, decimal? LiquidationPrice, decimal? DistanceUsd, decimal? DistancePercent);
