namespace Bulkhead.Kraken.Venues.Internal;

/// <summary>The step a number of decimal places allows.</summary>
internal static class DecimalStep
{
    /// <summary>10^−<paramref name="decimals"/>, exactly (1 for zero or fewer).</summary>
    public static decimal Of(int decimals)
    {
        var step = 1m;
        for (var i = 0; i < decimals; i++)
        {
            step /= 10m;
        }

        return step;
    }
}
