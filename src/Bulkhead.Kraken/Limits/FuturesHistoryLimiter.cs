using Bulkhead.Kraken.Limits.Internal;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// The Futures <c>/history</c> token pool of one account: <see cref="FuturesLimits.HistoryCapacity"/> tokens refilling
/// continuously at <see cref="FuturesLimits.HistoryRefillAmount"/> per <see cref="FuturesLimits.HistoryRefillPeriod"/>
/// (costs from <see cref="FuturesLimits.HistoryCost"/>). Its state lives in an <see cref="IRateLimitStateStore"/> under
/// <c>{account}/futures-history</c>. Headroom reports tokens spent as <see cref="RateHeadroom.Used"/>.
/// </summary>
public sealed class FuturesHistoryLimiter : IRateLimiter
{
    /// <summary>The limiter's name.</summary>
    /// <value><c>futures-history</c>.</value>
    public const string LimiterName = "futures-history";

    private static readonly TokenBucket Model = new(FuturesLimits.HistoryCapacity, FuturesLimits.HistoryRefillAmount, FuturesLimits.HistoryRefillPeriod);

    private readonly StoredLimiter<TokenBucketState> _core;

    /// <summary>Creates the limiter.</summary>
    /// <param name="account">The account the pool belongs to.</param>
    /// <param name="store">Where the state lives.</param>
    /// <param name="time">The clock.</param>
    public FuturesHistoryLimiter(string account, IRateLimitStateStore store, TimeProvider time)
    {
        RateMath.ValidateAccount(account);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _core = new StoredLimiter<TokenBucketState>(LimiterName, RateMath.Key(account, LimiterName), Model, store, time);
    }

    /// <inheritdoc />
    public string Name => LimiterName;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above the capacity.</exception>
    public RateDecision TryAcquire(decimal cost) => _core.TryAcquire(cost);

    /// <inheritdoc />
    public RateHeadroom GetHeadroom() => _core.GetHeadroom();
}
