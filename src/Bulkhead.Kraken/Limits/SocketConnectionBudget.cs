namespace Bulkhead.Kraken.Limits;

/// <summary>
/// One open WebSocket connection of a key (<see cref="SocketRateLimiters.TryOpen"/>): its request budget — a token bucket
/// of <see cref="SocketLimits.MessageBurst"/> refilling at <see cref="SocketLimits.MessagesPerSecond"/>, the model the
/// sandbox enforces per connection — charged with 1 per request sent (subscribe, ping, order entry alike). Disposing it
/// returns the key's connection slot. The state lives in the connection's process: a connection is never shared.
/// Thread-safe.
/// </summary>
public sealed class SocketConnectionBudget : IRateLimiter, IDisposable
{
    /// <summary>The limiter's name.</summary>
    /// <value><c>ws-messages</c>.</value>
    public const string LimiterName = "ws-messages";

    private readonly TokenBucket _model;
    private readonly TimeProvider _time;
    private readonly Action _release;
    private readonly Lock _gate = new();
    private TokenBucketState? _state;
    private int _disposed;

    internal SocketConnectionBudget(SocketLimits limits, TimeProvider time, Action release)
    {
        _model = limits.MessageBucket();
        _time = time;
        _release = release;
    }

    /// <inheritdoc />
    public string Name => LimiterName;

    /// <summary>True once disposed (the slot is returned; the budget still answers).</summary>
    public bool IsClosed => Volatile.Read(ref _disposed) != 0;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above the burst.</exception>
    public RateDecision TryAcquire(decimal cost)
    {
        lock (_gate)
        {
            var (state, decision) = _model.TryAcquire(_state, _time.GetUtcNow(), cost);
            _state = state;
            return decision;
        }
    }

    /// <inheritdoc />
    public RateHeadroom GetHeadroom()
    {
        lock (_gate)
        {
            return new RateHeadroom(LimiterName, _model.SpentAt(_state, _time.GetUtcNow()), _model.Capacity);
        }
    }

    /// <summary>Returns the key's connection slot (once).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _release();
        }
    }
}
