using Bulkhead.Kraken.Limits.Internal;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// The Spot REST call counter (<see cref="SpotRestLimits"/>; costs from <see cref="SpotCallCosts"/>). Kraken keeps one
/// counter per API key (shared/kraken/spot.md §3): <see cref="ForKey"/> builds that one, under
/// <c>{account}/spot-rest/{apiKey}</c>. The constructor builds one counter for a whole account, under
/// <c>{account}/spot-rest</c>: stricter than Kraken, which is what a fleet whose processes share an account budgets
/// with. Every limiter built on the same store and state key shares the state. Thread-safe when the store is.
/// </summary>
public sealed class SpotRestLimiter : IRateLimiter
{
    /// <summary>The limiter's name.</summary>
    /// <value><c>spot-rest</c>.</value>
    public const string LimiterName = "spot-rest";

    private readonly StoredLimiter<DecayingCounterState> _core;

    /// <summary>Creates one counter for a whole account (every key of it, every process on the store).</summary>
    /// <param name="account">The account the counter belongs to.</param>
    /// <param name="limits">The tier's limits.</param>
    /// <param name="store">Where the state lives.</param>
    /// <param name="time">The clock.</param>
    public SpotRestLimiter(string account, SpotRestLimits limits, IRateLimitStateStore store, TimeProvider time)
        : this(limits, StateKey(account), store, time)
    {
    }

    private SpotRestLimiter(SpotRestLimits limits, string stateKey, IRateLimitStateStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _core = new StoredLimiter<DecayingCounterState>(LimiterName, stateKey, new DecayingCounter(limits.Maximum, limits.DecayPerSecond), store, time);
        Limits = limits;
    }

    /// <summary>The tier's limits.</summary>
    public SpotRestLimits Limits { get; }

    /// <summary>
    /// Creates the counter of one API key, as Kraken keeps it: each key of an account has its own, with the tier's
    /// numbers, and one key over its maximum does not slow the account's other keys.
    /// </summary>
    /// <param name="account">The key's account (it prefixes the state key).</param>
    /// <param name="apiKey">The public API key.</param>
    /// <param name="limits">The account tier's limits.</param>
    /// <param name="store">Where the state lives.</param>
    /// <param name="time">The clock.</param>
    public static SpotRestLimiter ForKey(string account, string apiKey, SpotRestLimits limits, IRateLimitStateStore store, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        return new SpotRestLimiter(limits, StateKey(account) + "/" + apiKey, store, time);
    }

    /// <inheritdoc />
    public string Name => LimiterName;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above the maximum.</exception>
    public RateDecision TryAcquire(decimal cost) => _core.TryAcquire(cost);

    /// <summary>Books the cost of the Spot method <paramref name="method"/> (<see cref="SpotCallCosts.For"/>).</summary>
    public RateDecision TryAcquire(string method) => TryAcquire(SpotCallCosts.For(method));

    /// <inheritdoc />
    public RateHeadroom GetHeadroom() => _core.GetHeadroom();

    private static string StateKey(string account)
    {
        RateMath.ValidateAccount(account);
        return RateMath.Key(account, LimiterName);
    }
}
