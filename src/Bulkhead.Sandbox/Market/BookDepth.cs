namespace Bulkhead.Sandbox.Market;

/// <summary>A book's aggregated levels, best first on each side (volume summed over the orders at a price).</summary>
/// <param name="Bids">Buy levels, highest first.</param>
/// <param name="Asks">Sell levels, lowest first.</param>
public sealed record BookDepth(IReadOnlyList<MarketLevel> Bids, IReadOnlyList<MarketLevel> Asks);
