namespace Bulkhead.Kraken.Limits.Internal;

internal static class RateMath
{
    public static decimal Seconds(TimeSpan span) => (decimal)span.Ticks / TimeSpan.TicksPerSecond;

    // Rounded up to the tick, so that waiting the returned span always suffices.
    public static TimeSpan CeilingSeconds(decimal seconds) =>
        seconds <= 0m ? TimeSpan.Zero : TimeSpan.FromTicks((long)decimal.Ceiling(seconds * TimeSpan.TicksPerSecond));

    public static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    public static void ValidateCost(decimal cost, decimal limit, string limiter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cost);
        if (cost > limit)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost,
                $"A cost of {cost} can never fit under {limiter}'s limit of {limit}; the caller computed a wrong cost (split the call).");
        }
    }

    public static string Key(string account, string limiter) => account + "/" + limiter;

    public static void ValidateAccount(string account)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
    }
}
