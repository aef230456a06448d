namespace Bulkhead.Kraken.Sockets;

/// <summary>
/// Reconnect delays with "equal jitter": attempt <c>n</c> (0 first) has the cap <c>min(max, base × 2ⁿ)</c> and waits a
/// uniformly random time in <c>[cap / 2, cap]</c>. Half the cap is always waited (a fleet that lost its connections at
/// once does not come back in one burst, and never spins), the random half spreads the clients out.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly Random _random;

    /// <summary>Creates the schedule.</summary>
    /// <param name="baseDelay">The first cap; not negative.</param>
    /// <param name="maxDelay">The largest cap; at least <paramref name="baseDelay"/>.</param>
    /// <param name="random">The jitter's source; <see cref="Random.Shared"/> when null.</param>
    public ReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
        _random = random ?? Random.Shared;
    }

    /// <summary>The delay before attempt <paramref name="attempt"/> (0 for the first reconnect).</summary>
    public TimeSpan Next(int attempt) => Delay(_baseDelay, _maxDelay, attempt, _random.NextDouble());

    /// <summary>The cap of attempt <paramref name="attempt"/>: <c>min(max, base × 2^attempt)</c>.</summary>
    public static TimeSpan Cap(TimeSpan baseDelay, TimeSpan maxDelay, int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var ticks = baseDelay.Ticks;
        for (var i = 0; i < attempt && ticks < maxDelay.Ticks; i++)
        {
            ticks = ticks > maxDelay.Ticks / 2 ? maxDelay.Ticks : ticks * 2;
        }

        return TimeSpan.FromTicks(Math.Min(ticks, maxDelay.Ticks));
    }

    /// <summary>The delay of attempt <paramref name="attempt"/> for a jitter draw <paramref name="unit"/> in [0, 1): <c>cap/2 + unit × cap/2</c>.</summary>
    public static TimeSpan Delay(TimeSpan baseDelay, TimeSpan maxDelay, int attempt, double unit)
    {
        if (unit is < 0d or >= 1d || double.IsNaN(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "The jitter draw is in [0, 1).");
        }

        var cap = Cap(baseDelay, maxDelay, attempt).Ticks;
        var half = cap / 2;
        return TimeSpan.FromTicks(half + (long)((cap - half) * unit));
    }
}
