namespace Bulkhead.Kraken.Spot.Models;

/// <summary>One OHLC candle.</summary>
/// <param name="OpenTime">When the interval starts.</param>
/// <param name="Open">Opening price.</param>
/// <param name="High">Highest price.</param>
/// <param name="Low">Lowest price.</param>
/// <param name="Close">Closing price.</param>
/// <param name="Vwap">Volume-weighted average price.</param>
/// <param name="Volume">Traded volume.</param>
/// <param name="TradeCount">Number of trades.</param>
public readonly record struct Candle(DateTimeOffset OpenTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Vwap, decimal Volume, long TradeCount);
