namespace Bulkhead.Kraken.Spot.Models;

/// <summary>A pair's ticker. "Today" values count from 00:00 UTC; "24h" values are rolling.</summary>
/// <param name="Pair">The pair id the ticker is keyed by.</param>
/// <param name="AskPrice">Best ask price.</param>
/// <param name="AskVolume">Volume at the best ask (lot volume).</param>
/// <param name="BidPrice">Best bid price.</param>
/// <param name="BidVolume">Volume at the best bid (lot volume).</param>
/// <param name="LastPrice">Last trade price.</param>
/// <param name="LastVolume">Last trade volume.</param>
/// <param name="VolumeToday">Traded volume today.</param>
/// <param name="Volume24h">Traded volume over 24 hours.</param>
/// <param name="VwapToday">Volume-weighted average price today.</param>
/// <param name="Vwap24h">Volume-weighted average price over 24 hours.</param>
/// <param name="TradesToday">Number of trades today.</param>
/// <param name="Trades24h">Number of trades over 24 hours.</param>
/// <param name="LowToday">Lowest price today.</param>
/// <param name="Low24h">Lowest price over 24 hours.</param>
/// <param name="HighToday">Highest price today.</param>
/// <param name="High24h">Highest price over 24 hours.</param>
/// <param name="OpenToday">Opening price today.</param>
public sealed record Ticker(
    string Pair,
    decimal AskPrice,
    decimal AskVolume,
    decimal BidPrice,
    decimal BidVolume,
    decimal LastPrice,
    decimal LastVolume,
    decimal VolumeToday,
    decimal Volume24h,
    decimal VwapToday,
    decimal Vwap24h,
    long TradesToday,
    long Trades24h,
    decimal LowToday,
    decimal Low24h,
    decimal HighToday,
    decimal High24h,
    decimal OpenToday);
