namespace Bulkhead.Kraken.Spot.Models;

/// <summary>OHLC candles of one pair.</summary>
/// <param name="Pair">The pair id.</param>
/// <param name="Candles">Candles, oldest first; the last one is still forming.</param>
/// <param name="Last">The start of the last committed candle; pass as <c>since</c> to poll for newer ones.</param>
public sealed record CandleSeries(string Pair, IReadOnlyList<Candle> Candles, DateTimeOffset Last);
