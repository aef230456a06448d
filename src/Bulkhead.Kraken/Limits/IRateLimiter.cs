namespace Bulkhead.Kraken.Limits;

/// <summary>
/// One of Kraken's limits for one account (and, for the trading limiter, one pair). Implementations compute their state
/// lazily from <see cref="TimeProvider"/> timestamps, never from timers, and keep it behind an
/// <see cref="IRateLimitStateStore"/> so that several processes on the same account can share it.
/// </summary>
public interface IRateLimiter
{
    /// <summary>The limiter's name, e.g. <c>spot-rest</c>.</summary>
    string Name { get; }

    /// <summary>Books <paramref name="cost"/> if it fits under the limit now; otherwise books nothing and says when it would fit.</summary>
    RateDecision TryAcquire(decimal cost);

    /// <summary>The level now.</summary>
    RateHeadroom GetHeadroom();
}
