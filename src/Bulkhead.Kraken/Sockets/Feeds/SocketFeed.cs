using System.Threading.Channels;

namespace Bulkhead.Kraken.Sockets.Feeds;

/// <summary>
/// A subscription's messages, in arrival order, through a <see cref="Channel{T}"/>. A market stream (ticker, trade,
/// ohlc, instrument) is bounded: a reader that falls behind loses the oldest messages, counted in <see cref="Dropped"/>,
/// and never slows the connection. An account stream (executions, balances, positions, margin, ledgers) never drops: its
/// volume is the account's own activity, and a lost execution is a wrong position. The subscription survives
/// reconnects (it is renewed on every new connection); disposing the stream unsubscribes it and completes the reader.
/// </summary>
public sealed class SocketFeed<T> : IAsyncDisposable
{
    private readonly Channel<SocketBatch<T>> _channel;
    private readonly Func<ValueTask> _unsubscribe;
    private long _dropped;
    private int _disposed;

    internal SocketFeed(string description, int? capacity, Func<SocketFeed<T>, Func<ValueTask>> unsubscribe)
    {
        Description = description;
        _channel = capacity is { } bound
            ? Channel.CreateBounded<SocketBatch<T>>(new BoundedChannelOptions(bound) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true }, _ => Interlocked.Increment(ref _dropped))
            : Channel.CreateUnbounded<SocketBatch<T>>(new UnboundedChannelOptions { SingleWriter = true });
        _unsubscribe = unsubscribe(this);
    }

    /// <summary>What is subscribed, e.g. <c>ticker BTC/USD</c>.</summary>
    public string Description { get; }

    /// <summary>The messages.</summary>
    public ChannelReader<SocketBatch<T>> Reader => _channel.Reader;

    /// <summary>Messages dropped because the reader was too slow (market streams only).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Reads the messages until the stream ends or <paramref name="cancellationToken"/> is cancelled.</summary>
    public IAsyncEnumerable<SocketBatch<T>> ReadAllAsync(CancellationToken cancellationToken = default) => _channel.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Unsubscribes and completes the reader.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _unsubscribe().ConfigureAwait(false);
        _channel.Writer.TryComplete();
    }

    /// <inheritdoc />
    public override string ToString() => $"SocketFeed({Description})";

    internal void Write(SocketBatch<T> batch) => _channel.Writer.TryWrite(batch);

    internal void Complete(Exception? error = null) => _channel.Writer.TryComplete(error);
}
