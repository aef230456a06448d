namespace Bulkhead.Sandbox.Margin;

/// <summary>What one fill did to a position.</summary>
/// <param name="Position">The position after the fill.</param>
/// <param name="RealisedPnl">Profit (positive) or loss realised on the closed part, in USD, rounded to the settlement decimals.</param>
/// <param name="Closed">Contracts of the old position closed (unsigned).</param>
/// <param name="Opened">Contracts opened or added (unsigned; after a flip, the new side's size).</param>
public readonly record struct PositionFill(FuturesPosition Position, decimal RealisedPnl, decimal Closed, decimal Opened);
