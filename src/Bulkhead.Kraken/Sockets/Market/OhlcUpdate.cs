namespace Bulkhead.Kraken.Sockets.Market;

/// <summary>An <c>ohlc</c> item: one candle (an update re-sends the candle that is still forming).</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Open">The first price.</param>
/// <param name="High">The highest price.</param>
/// <param name="Low">The lowest price.</param>
/// <param name="Close">The last price.</param>
/// <param name="Trades">How many trades it holds.</param>
/// <param name="Volume">The traded quantity.</param>
/// <param name="Vwap">The volume-weighted average price.</param>
/// <param name="IntervalBegin">When the candle's interval starts.</param>
/// <param name="IntervalMinutes">The interval in minutes.</param>
/// <param name="Time">The candle's timestamp (Kraken: its interval's end).</param>
public sealed record OhlcUpdate(
    string Symbol,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    long Trades,
    decimal Volume,
    decimal Vwap,
    DateTimeOffset IntervalBegin,
    int IntervalMinutes,
    DateTimeOffset? Time);
