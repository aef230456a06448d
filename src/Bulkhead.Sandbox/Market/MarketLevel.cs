namespace Bulkhead.Sandbox.Market;

/// <summary>One quoted level: a price on the tick and a volume on the lot.</summary>
/// <param name="Price">Limit price.</param>
/// <param name="Volume">Volume in the base asset (Futures: contracts).</param>
public readonly record struct MarketLevel(decimal Price, decimal Volume);
