namespace Bulkhead.Sandbox.Matching;

/// <summary>What a taker would get from the book right now (<see cref="OrderBook.Sweep"/>); nothing changes.</summary>
/// <param name="Quantity">Lots that would fill.</param>
/// <param name="NotionalTicksLots">Sum of price × quantity over the fills, in ticks × lots (multiply by tick size and lot size for money).</param>
/// <param name="WorstPrice">The last (worst) price touched, in ticks; 0 when nothing would fill.</param>
public readonly record struct SweepEstimate(long Quantity, decimal NotionalTicksLots, long WorstPrice);
