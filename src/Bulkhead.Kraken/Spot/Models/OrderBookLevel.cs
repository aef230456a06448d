namespace Bulkhead.Kraken.Spot.Models;

/// <summary>One price level of an order book.</summary>
/// <param name="Price">The price.</param>
/// <param name="Volume">The volume resting at that price.</param>
/// <param name="UpdatedAt">When the level last changed.</param>
public readonly record struct OrderBookLevel(decimal Price, decimal Volume, DateTimeOffset UpdatedAt);
