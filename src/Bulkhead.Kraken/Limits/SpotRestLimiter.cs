using Bulkhead.Kraken.Limits.Internal;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// The Spot REST call counter of one API key (<see cref="SpotRestLimits"/>; costs from <see cref="SpotCallCosts"/>), as
/// Kraken keeps it: each key of an account has its own counter with the tier's numbers, and one key over its maximum
/// does not slow the account's other keys (shared/kraken/spot.md §3). Its state lives under
/// <c>{account}/spot-rest/{keyId}</c>; every limiter built on the same store, account and key shares it. Thread-safe when
/// the store is.
/// </summary>
public sealed class SpotRestLimiter : IRateLimiter
{
    /// <summary>The limiter's name.</summary>
    /// <value><c>spot-rest</c>.</value>
    public const string LimiterName = "spot-rest";

    private readonly StoredLimiter<DecayingCounterState> _core;

    /// <summary>Creates the counter of one key.</summary>
    /// <param name="account">The key's account (it prefixes the state key).</param>
    /// <param name="keyId">
    /// Names the key in the state key: the public API key, or a name that stands for it (a fleet passes its manifest's
    /// key name, so no credential is written to a shared store).
    /// </param>
    /// <param name="limits">The account tier's limits (or a budget below them).</param>
    /// <param name="store">Where the state lives.</param>
    /// <param name="time">The clock.</param>
    public SpotRestLimiter(string account, string keyId, SpotRestLimits limits, IRateLimitStateStore store, TimeProvider time)
    {
        RateMath.ValidateAccount(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _core = new StoredLimiter<DecayingCounterState>(LimiterName, RateMath.Key(account, LimiterName) + "/" + keyId, new DecayingCounter(limits.Maximum, limits.DecayPerSecond), store, time);
        KeyId = keyId;
        Limits = limits;
    }

    /// <summary>The key the counter belongs to (as given: a public key or the name standing for it).</summary>
    public string KeyId { get; }

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
