using System.Collections.Concurrent;
using Bulkhead.Kraken.Limits.Internal;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// Every Kraken rate limiter of one account, over one <see cref="IRateLimitStateStore"/>, counted as Kraken counts them
/// (shared/kraken/spot.md §3, websocket.md §9): the Spot REST call counter per API key (<see cref="SpotRest"/>), the Spot
/// trading counter per account and pair — shared by REST and WebSocket order entry (<see cref="SpotTrading"/>) — and the
/// Futures budgets per account. Build one per account and process; instances built on a shared store with the same account
/// share every account limit, and the same key's REST counter. Thread-safe when the store is.
/// </summary>
public sealed class AccountRateLimits
{
    private readonly IRateLimitStateStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, SpotTradingLimiter> _pairs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SpotRestLimiter> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SocketRateLimiters> _sockets = new(StringComparer.Ordinal);

    /// <summary>Creates the limiters of <paramref name="account"/>.</summary>
    /// <param name="account">The account's name; it prefixes every state key (<c>{account}/spot-rest/{key}</c>, …).</param>
    /// <param name="tier">The account's Spot verification tier.</param>
    /// <param name="store">Where the states live.</param>
    /// <param name="time">The clock.</param>
    /// <param name="spotRest">The Spot REST counter's numbers: the tier's (<see cref="SpotRestLimits.For"/>) unless given (a budget kept under them).</param>
    /// <param name="sockets">The WebSocket connection and message figures: <see cref="SocketLimits.Default"/> unless given.</param>
    public AccountRateLimits(string account, SpotTier tier, IRateLimitStateStore store, TimeProvider time, SpotRestLimits? spotRest = null, SocketLimits? sockets = null)
    {
        RateMath.ValidateAccount(account);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        Account = account;
        Tier = tier;
        _store = store;
        _time = time;
        SpotTradingLimits = SpotTradingLimits.For(tier);
        SpotRestLimits = spotRest ?? SpotRestLimits.For(tier);
        SocketLimits = sockets ?? SocketLimits.Default;
        SocketLimits.ThrowIfInvalid();
        FuturesDerivatives = new FuturesDerivativesLimiter(account, store, time);
        FuturesHistory = new FuturesHistoryLimiter(account, store, time);
    }

    /// <summary>The account.</summary>
    public string Account { get; }

    /// <summary>The account's Spot tier.</summary>
    public SpotTier Tier { get; }

    /// <summary>The tier's trading limits, including the open-orders cap per pair.</summary>
    public SpotTradingLimits SpotTradingLimits { get; }

    /// <summary>The numbers of every key's Spot REST counter.</summary>
    public SpotRestLimits SpotRestLimits { get; }

    /// <summary>The WebSocket connection and message figures of every key.</summary>
    public SocketLimits SocketLimits { get; }

    /// <summary>The Futures <c>/derivatives</c> cost budget.</summary>
    public FuturesDerivativesLimiter FuturesDerivatives { get; }

    /// <summary>The Futures <c>/history</c> token pool.</summary>
    public FuturesHistoryLimiter FuturesHistory { get; }

    /// <summary>
    /// The Spot REST call counter of one API key of the account (Kraken keeps one per key: each has the tier's numbers,
    /// and one key over its maximum leaves the others untouched); the same instance for the same key.
    /// </summary>
    /// <param name="keyId">The public key, or a name standing for it (see <see cref="SpotRestLimiter"/>); it shows in <see cref="Headroom"/>.</param>
    public SpotRestLimiter SpotRest(string keyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        return _keys.GetOrAdd(keyId, k => new SpotRestLimiter(Account, k, SpotRestLimits, _store, _time));
    }

    /// <summary>
    /// What a WebSocket client of one API key charges: its connections and their requests, and Spot order entry on this
    /// account's trading counters (shared with REST); the same instance for the same key.
    /// </summary>
    /// <param name="keyId">The public key, or a name standing for it.</param>
    public SocketRateLimiters Sockets(string keyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        return _sockets.GetOrAdd(keyId, k => new SocketRateLimiters(k, SocketLimits, SpotTrading, _time));
    }

    /// <summary>
    /// The Spot trading counter of <paramref name="pair"/>; the same instance for the same pair. REST (<c>AddOrder</c>, …)
    /// and WebSocket order entry (<c>add_order</c>, …) charge the same counter (websocket.md §9), whatever key sends them.
    /// </summary>
    public SpotTradingLimiter SpotTrading(string pair)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pair);
        return _pairs.GetOrAdd(pair, p => new SpotTradingLimiter(Account, p, SpotTradingLimits, _store, _time));
    }

    /// <summary>
    /// The headroom of every limit, for reporting: the Spot REST counter of each key this instance has handed out (named
    /// <c>spot-rest/{key}</c>, ordered by key), then the trading counter of each pair it has handed out (ordered by pair),
    /// then Futures derivatives and history.
    /// </summary>
    public IReadOnlyList<RateHeadroom> Headroom()
    {
        var list = new List<RateHeadroom>();
        foreach (var limiter in _keys.Values.OrderBy(l => l.KeyId, StringComparer.Ordinal))
        {
            list.Add(limiter.GetHeadroom() with { Limiter = SpotRestLimiter.LimiterName + "/" + limiter.KeyId });
        }

        foreach (var limiter in _pairs.Values.OrderBy(l => l.Pair, StringComparer.Ordinal))
        {
            list.Add(limiter.GetHeadroom());
        }

        list.Add(FuturesDerivatives.GetHeadroom());
        list.Add(FuturesHistory.GetHeadroom());
        return list;
    }
}
