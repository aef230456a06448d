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

    private readonly IRateLimitStateStore _store;
    private readonly TimeProvider _time;
    private readonly string _key;

    /// <summary>Creates the limiter.</summary>
    /// <param name="account">The account the budget belongs to (whether Kraken counts per account, key or IP is UNCONFIRMED; per account is the safe reading for one key per process).</param>
    /// <param name="store">Where the state lives.</param>
    /// <param name="time">The clock.</param>
    public FuturesDerivativesLimiter(string account, IRateLimitStateStore store, TimeProvider time)
    {
        RateMath.ValidateAccount(account);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        _key = RateMath.Key(account, LimiterName);
    }

    /// <inheritdoc />
    public string Name => LimiterName;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above the budget.</exception>
    public RateDecision TryAcquire(decimal cost)
    {
        RateMath.ValidateCost(cost, FuturesLimits.DerivativesBudget, Name);
        return cost == 0m
            ? RateDecision.Grant
            : _store.Update<SlidingWindowState, RateDecision>(_key, s => Model.TryAcquire(s, _time.GetUtcNow(), cost));
    }

    /// <inheritdoc />
    public RateHeadroom GetHeadroom() =>
        _store.Update<SlidingWindowState, RateHeadroom>(_key, s =>
            (s ?? SlidingWindowState.Empty, new RateHeadroom(Name, Model.UsedAt(s, _time.GetUtcNow()), FuturesLimits.DerivativesBudget)));
}
