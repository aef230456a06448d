namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>One price level of an order book.</summary>
/// <param name="Price">The price.</param>
/// <param name="Quantity">The quantity resting at it.</param>
internal readonly record struct FuturesBookLevel(decimal Price, decimal Quantity);
