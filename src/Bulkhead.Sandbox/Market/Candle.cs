namespace Bulkhead.Sandbox.Market;

/// <summary>One OHLC candle built from public trades; a candle without trades carries the previous close (count 0).</summary>
/// <param name="Time">Start of the interval (aligned on the Unix epoch).</param>
/// <param name="Open">First trade's price.</param>
/// <param name="High">Highest price.</param>
/// <param name="Low">Lowest price.</param>
/// <param name="Close">Last trade's price.</param>
/// <param name="Vwap">Volume-weighted average price (the close when there were no trades).</param>
/// <param name="Volume">Traded volume.</param>
/// <param name="Count">Number of trades.</param>
public readonly record struct Candle(DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, decimal Vwap, decimal Volume, int Count);
