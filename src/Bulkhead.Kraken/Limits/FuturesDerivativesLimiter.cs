using Bulkhead.Kraken.Limits.Internal;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// The Futures <c>/derivatives</c> cost budget of one account: <see cref="FuturesLimits.DerivativesBudget"/> per
/// <see cref="FuturesLimits.DerivativesWindow"/>, kept as a <see cref="SlidingWindowBudget"/> (safe whatever window
/// Kraken really uses). Its state lives in an <see cref="IRateLimitStateStore"/> under <c>{account}/futures-derivatives</c>.
/// </summary>
public sealed class FuturesDerivativesLimiter : IRateLimiter
{
    /// <summary>The limiter's name.</summary>
    /// <value><c>futures-derivatives</c>.</value>
    public const string LimiterName = "futures-derivatives";

    private static readonly SlidingWindowBudget Model = new(FuturesLimits.DerivativesBudget, FuturesLimits.DerivativesWindow);

    private readonly StoredLimiter<SlidingWindowState> _core;

    /// <summary>Creates the limiter.</summary>
    /// <param name="account">The account the budget belongs to (whether Kraken counts per account, key or IP is UNCONFIRMED; per account is the safe reading for one key per process).</param>
    /// <param name="store">Where the state lives.</param>
    /// <param name="time">The clock.</param>
    public FuturesDerivativesLimiter(string account, IRateLimitStateStore store, TimeProvider time)
    {
        RateMath.ValidateAccount(account);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _core = new StoredLimiter<SlidingWindowState>(LimiterName, RateMath.Key(account, LimiterName), Model, store, time);
    }

    /// <inheritdoc />
    public string Name => LimiterName;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above the budget.</exception>
    public RateDecision TryAcquire(decimal cost) => _core.TryAcquire(cost);

    /// <inheritdoc />
    public RateHeadroom GetHeadroom() => _core.GetHeadroom();
}
