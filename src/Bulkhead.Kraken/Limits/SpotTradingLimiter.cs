using Bulkhead.Kraken.Limits.Internal;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// The Spot trading-engine counter of one account and one pair (<see cref="SpotTradingLimits"/>; costs from
/// <see cref="SpotTradingCosts"/>). Its state lives in an <see cref="IRateLimitStateStore"/> under
/// <c>{account}/spot-trading/{pair}</c>. Thread-safe when the store is.
/// </summary>
public sealed class SpotTradingLimiter : IRateLimiter
{
    /// <summary>The prefix of the limiter's name; the pair follows it.</summary>
    /// <value><c>spot-trading/</c>.</value>
    public const string NamePrefix = "spot-trading/";

    private readonly StoredLimiter<DecayingCounterState> _core;

    /// <summary>Creates the limiter.</summary>
    /// <param name="account">The account the counter belongs to.</param>
    /// <param name="pair">The pair, as Kraken names it (e.g. <c>XBTUSD</c>); the counter is per pair.</param>
    /// <param name="limits">The tier's limits.</param>
    /// <param name="store">Where the state lives.</param>
    /// <param name="time">The clock.</param>
    public SpotTradingLimiter(string account, string pair, SpotTradingLimits limits, IRateLimitStateStore store, TimeProvider time)
    {
        RateMath.ValidateAccount(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(pair);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        Pair = pair;
        Name = NamePrefix + pair;
        _core = new StoredLimiter<DecayingCounterState>(Name, RateMath.Key(account, Name), new DecayingCounter(limits.Threshold, limits.DecayPerSecond), store, time);
        Limits = limits;
    }

    /// <summary>The pair.</summary>
    public string Pair { get; }

    /// <summary>The tier's limits.</summary>
    public SpotTradingLimits Limits { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above the threshold.</exception>
    public RateDecision TryAcquire(decimal cost) => _core.TryAcquire(cost);

    /// <inheritdoc />
    public RateHeadroom GetHeadroom() => _core.GetHeadroom();
}
