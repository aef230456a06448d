namespace Bulkhead.Sandbox.Market;

/// <summary>The candle intervals Kraken's Spot OHLC serves, in minutes (REST <c>OHLC</c> and the WebSocket <c>ohlc</c> channel).</summary>
public static class CandleIntervals
{
    /// <summary>1 minute to 15 days.</summary>
    public static IReadOnlyList<int> Minutes { get; } = [1, 5, 15, 30, 60, 240, 1440, 10080, 21600];

    /// <summary>True when <paramref name="minutes"/> is one of <see cref="Minutes"/>.</summary>
    public static bool IsServed(long minutes) => minutes is > 0 and <= int.MaxValue && Minutes.Contains((int)minutes);
}
