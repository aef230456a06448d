namespace Bulkhead.Dashboard.Documents;

/// <summary>One open Futures position.</summary>
/// <param name="Symbol">The contract.</param>
/// <param name="Size">Signed contracts (positive long).</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="MarkPrice">The mark now (null: no mark).</param>
/// <param name="LiquidationPrice">The mark at which equity meets maintenance margin (null: none above zero).</param>
/// <param name="DistancePct">|liquidation − mark| in percent of the mark.</param>
public sealed record PositionRisk(string Symbol, decimal Size, decimal EntryPrice, decimal? MarkPrice, decimal? LiquidationPrice, decimal? DistancePct);
