namespace Bulkhead.Kraken.Spot.Models;

/// <summary>A snapshot of a pair's order book, best prices first.</summary>
/// <param name="Pair">The pair id the book is keyed by.</param>
/// <param name="Asks">Asks, lowest price first.</param>
/// <param name="Bids">Bids, highest price first.</param>
public sealed record OrderBook(string Pair, IReadOnlyList<OrderBookLevel> Asks, IReadOnlyList<OrderBookLevel> Bids);
