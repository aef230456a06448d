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

    private readonly DecayingCounter _counter;
    private readonly IRateLimitStateStore _store;
    private readonly TimeProvider _time;
    private readonly string _key;

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
        _counter = new DecayingCounter(limits.Maximum, limits.DecayPerSecond);
        _store = store;
        _time = time;
        _key = RateMath.Key(account, LimiterName);
        Limits = limits;
    }

    /// <summary>The tier's limits.</summary>
    public SpotRestLimits Limits { get; }

    /// <inheritdoc />
    public string Name => LimiterName;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above the maximum.</exception>
    public RateDecision TryAcquire(decimal cost)
    {
        RateMath.ValidateCost(cost, Limits.Maximum, Name);
        return cost == 0m
            ? RateDecision.Grant
            : _store.Update<DecayingCounterState, RateDecision>(_key, s => _counter.TryAcquire(s, _time.GetUtcNow(), cost));
    }

    /// <summary>Books the cost of the Spot method <paramref name="method"/> (<see cref="SpotCallCosts.For"/>).</summary>
    public RateDecision TryAcquire(string method) => TryAcquire(SpotCallCosts.For(method));

    /// <inheritdoc />
    public RateHeadroom GetHeadroom() =>
        _store.Update<DecayingCounterState, RateHeadroom>(_key, s =>
        {
            var now = _time.GetUtcNow();
            return (s ?? new DecayingCounterState(0m, now), new RateHeadroom(Name, _counter.LevelAt(s, now), Limits.Maximum));
        });
}
