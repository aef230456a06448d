namespace Bulkhead.Kraken.Sockets.Books;

/// <summary>One price level of a book: its price and the quantity resting there, as the exchange printed them.</summary>
/// <param name="Price">The price.</param>
/// <param name="Quantity">The quantity at that price.</param>
public readonly record struct BookLevel(decimal Price, decimal Quantity);
