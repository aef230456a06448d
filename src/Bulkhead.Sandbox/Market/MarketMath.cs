namespace Bulkhead.Sandbox.Market;

/// <summary>Rounding to ticks and lots, in decimal.</summary>
public static class MarketMath
{
    /// <summary><paramref name="price"/> to the nearest tick (half to even), at least one tick.</summary>
    public static decimal RoundToTick(decimal price, decimal tick)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tick);
        var ticks = Math.Round(price / tick, 0, MidpointRounding.ToEven);
        return Math.Max(ticks, 1m) * tick;
    }

    /// <summary><paramref name="volume"/> rounded down to <paramref name="lotDecimals"/> decimals.</summary>
    public static decimal FloorToLot(decimal volume, int lotDecimals) => Math.Round(volume, lotDecimals, MidpointRounding.ToZero);

    /// <summary><paramref name="volume"/> rounded up to <paramref name="lotDecimals"/> decimals.</summary>
    public static decimal CeilingToLot(decimal volume, int lotDecimals) => Math.Round(volume, lotDecimals, MidpointRounding.ToPositiveInfinity);
}
