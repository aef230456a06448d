namespace Bulkhead.Kraken.Venues;

/// <summary>The top of one instrument's book, its last price and its mark.</summary>
/// <param name="Symbol">The instrument, named as it was asked for.</param>
/// <param name="Bid">The best bid, when the book has one.</param>
/// <param name="Ask">The best ask, when the book has one.</param>
/// <param name="Last">The last trade price, when one printed.</param>
/// <param name="Mark">
/// The price positions and holdings are valued at: Futures the mark price; Spot the mid (the last price when a side is
/// empty); null when the venue has none.
/// </param>
public sealed record VenueTicker(string Symbol, decimal? Bid, decimal? Ask, decimal? Last, decimal? Mark);
