using Bulkhead.Kraken.Limits.Internal;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// The Spot REST call counter of one account (<see cref="SpotRestLimits"/>; costs from <see cref="SpotCallCosts"/>).
/// Its state lives in an <see cref="IRateLimitStateStore"/> under <c>{account}/spot-rest</c>, so every limiter built on
/// the same store and account shares it. Thread-safe when the store is.
/// </summary>
public sealed class SpotRestLimiter : IRateLimiter
{
    /// <summary>The limiter's name.</summary>
    /// <value><c>spot-rest</c>.</value>
    public const string LimiterName = "spot-rest";

    private readonly StoredLimiter<DecayingCounterState> _core;

    /// <summary>Creates the limiter.</summary>
    /// <param name="account">The account the counter belongs to (Kraken counts per account, not per key).</param>
    /// <param name="limits">The tier's limits.</param>
    /// <param name="store">Where the state lives.</param>
    /// <param name="time">The clock.</param>
    public SpotRestLimiter(string account, SpotRestLimits limits, IRateLimitStateStore store, TimeProvider time)
    {
        RateMath.ValidateAccount(account);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _core = new StoredLimiter<DecayingCounterState>(LimiterName, RateMath.Key(account, LimiterName), new DecayingCounter(limits.Maximum, limits.DecayPerSecond), store, time);
        Limits = limits;
    }

    /// <summary>The tier's limits.</summary>
    public SpotRestLimits Limits { get; }

    /// <inheritdoc />
    public string Name => LimiterName;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above the maximum.</exception>
    public RateDecision TryAcquire(decimal cost) => _core.TryAcquire(cost);

    /// <summary>Books the cost of the Spot method <paramref name="method"/> (<see cref="SpotCallCosts.For"/>).</summary>
    public RateDecision TryAcquire(string method) => TryAcquire(SpotCallCosts.For(method));

    /// <inheritdoc />
    public RateHeadroom GetHeadroom() => _core.GetHeadroom();
}
