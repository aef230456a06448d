using System.Collections.Concurrent;
using Bulkhead.Kraken.Limits.Internal;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// Every Kraken rate limiter of one account, over one <see cref="IRateLimitStateStore"/>: build one per account and
/// process; instances built on a shared store with the same account share all limits. Thread-safe when the store is.
/// </summary>
public sealed class AccountRateLimits
{
    private readonly IRateLimitStateStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, SpotTradingLimiter> _pairs = new(StringComparer.Ordinal);

    /// <summary>Creates the limiters of <paramref name="account"/>.</summary>
    /// <param name="account">The account's name; it prefixes every state key (<c>{account}/spot-rest</c>, …).</param>
    /// <param name="tier">The account's Spot verification tier.</param>
    /// <param name="store">Where the states live.</param>
    /// <param name="time">The clock.</param>
    public AccountRateLimits(string account, SpotTier tier, IRateLimitStateStore store, TimeProvider time)
    {
        RateMath.ValidateAccount(account);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        Account = account;
        Tier = tier;
        _store = store;
        _time = time;
        SpotTradingLimits = SpotTradingLimits.For(tier);
        SpotRest = new SpotRestLimiter(account, SpotRestLimits.For(tier), store, time);
        FuturesDerivatives = new FuturesDerivativesLimiter(account, store, time);
        FuturesHistory = new FuturesHistoryLimiter(account, store, time);
    }

    /// <summary>The account.</summary>
    public string Account { get; }

    /// <summary>The account's Spot tier.</summary>
    public SpotTier Tier { get; }

    /// <summary>The tier's trading limits, including the open-orders cap per pair.</summary>
    public SpotTradingLimits SpotTradingLimits { get; }

    /// <summary>
    /// One Spot REST call counter for the whole account. Kraken keeps one per API key
    /// (<see cref="SpotRestLimiter.ForKey"/>); sharing one across the account's keys is the stricter budget.
    /// </summary>
    public SpotRestLimiter SpotRest { get; }

    /// <summary>The Futures <c>/derivatives</c> cost budget.</summary>
    public FuturesDerivativesLimiter FuturesDerivatives { get; }

    /// <summary>The Futures <c>/history</c> token pool.</summary>
    public FuturesHistoryLimiter FuturesHistory { get; }

    /// <summary>The Spot trading counter of <paramref name="pair"/>; the same instance for the same pair.</summary>
    public SpotTradingLimiter SpotTrading(string pair)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pair);
        return _pairs.GetOrAdd(pair, p => new SpotTradingLimiter(Account, p, SpotTradingLimits, _store, _time));
    }

    /// <summary>
    /// The headroom of every limit, for reporting: Spot REST, then the trading counter of each pair this instance has
    /// handed out (ordered by pair), then Futures derivatives and history.
    /// </summary>
    public IReadOnlyList<RateHeadroom> Headroom()
    {
        var list = new List<RateHeadroom> { SpotRest.GetHeadroom() };
        foreach (var limiter in _pairs.Values.OrderBy(l => l.Pair, StringComparer.Ordinal))
        {
            list.Add(limiter.GetHeadroom());
        }

        list.Add(FuturesDerivatives.GetHeadroom());
        list.Add(FuturesHistory.GetHeadroom());
        return list;
    }
}
