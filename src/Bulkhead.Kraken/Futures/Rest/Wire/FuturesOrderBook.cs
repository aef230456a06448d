namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>A full, non-cumulative order book (<c>GET /orderbook</c>).</summary>
/// <param name="Bids">Bids, best (highest) first.</param>
/// <param name="Asks">Asks, best (lowest) first.</param>
/// <param name="ServerTime">The server time of the snapshot.</param>
internal sealed record FuturesOrderBook(IReadOnlyList<FuturesBookLevel> Bids, IReadOnlyList<FuturesBookLevel> Asks, DateTimeOffset? ServerTime);
