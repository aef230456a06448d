using Bulkhead.Kraken.Limits.Internal;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// The message rate of one WebSocket connection: a <see cref="TokenBucket"/> of <c>burst</c> requests refilling at
/// <c>perSecond</c> a second, one token per request the client sends (pings included). Kraken publishes no figure for
/// v2 (websocket.md §3); the sandbox answers <c>Exceeded msg rate</c> past a burst of 100 then 50 a second, which are the
/// client's defaults. The state is this connection's own (a new connection starts with a full bucket, as on the server),
/// so it lives in memory, not in a shared store.
/// </summary>
public sealed class SocketMessageLimiter : IRateLimiter
{
    /// <summary>The limiter's name.</summary>
    /// <value><c>socket-messages</c>.</value>
    public const string LimiterName = "socket-messages";

    private const string Key = "connection/" + LimiterName;
    private readonly StoredLimiter<TokenBucketState> _core;

    /// <summary>Creates the limiter of one connection.</summary>
    /// <param name="burst">Requests that may be sent at once; positive.</param>
    /// <param name="perSecond">Requests per second sustained; positive.</param>
    /// <param name="time">The clock.</param>
    public SocketMessageLimiter(int burst, int perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentNullException.ThrowIfNull(time);
        _core = new StoredLimiter<TokenBucketState>(LimiterName, Key, new TokenBucket(burst, perSecond, TimeSpan.FromSeconds(1)), new InMemoryRateLimitStateStore(), time);
    }

    /// <inheritdoc />
    public string Name => LimiterName;

    /// <inheritdoc />
    public RateDecision TryAcquire(decimal cost) => _core.TryAcquire(cost);

    /// <inheritdoc />
    public RateHeadroom GetHeadroom() => _core.GetHeadroom();
}
