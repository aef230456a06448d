namespace Bulkhead.Sandbox.Market;

/// <summary>
/// Futures mark price: the book's mid price clamped to <c>index × (1 ± band)</c>, rounded to the tick; the index when the
/// book lacks a side. Kraken marks perpetuals from an impact mid price bounded around the index; this keeps that
/// shape (a thin or pushed book cannot drag the mark far from the index) without the impact-size walk.
/// </summary>
public static class MarkPrice
{
    /// <summary>The mark for <paramref name="index"/> and the book's best bid and ask (either may be null).</summary>
    /// <param name="index">The index price (the path), on the tick.</param>
    /// <param name="bestBid">Best bid, or null.</param>
    /// <param name="bestAsk">Best ask, or null.</param>
    /// <param name="bandBps">Largest distance from the index, in basis points.</param>
    /// <param name="tick">The instrument's tick.</param>
    public static decimal Compute(decimal index, decimal? bestBid, decimal? bestAsk, decimal bandBps, decimal tick)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(index);
        ArgumentOutOfRangeException.ThrowIfNegative(bandBps);
        if (bestBid is not { } bid || bestAsk is not { } ask)
        {
            return MarketMath.RoundToTick(index, tick);
        }

        var band = index * bandBps / 10_000m;
        var mid = (bid + ask) / 2m;
        return MarketMath.RoundToTick(Math.Clamp(mid, index - band, index + band), tick);
    }
}
