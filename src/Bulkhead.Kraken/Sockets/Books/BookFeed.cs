using System.Threading.Channels;

namespace Bulkhead.Kraken.Sockets.Books;

/// <summary>
/// A <c>book</c> subscription: the verified <see cref="LocalBook"/> and a signal when it changed. The book is state, not
/// a queue of updates: a slow reader never falls behind, it reads the latest verified book (signals coalesce). When a
/// checksum does not match, the client resubscribes and the book waits for the new snapshot (<see cref="Resyncs"/>);
/// after a reconnect it waits for the snapshot of the new connection.
/// </summary>
public sealed class BookFeed : IAsyncDisposable
{
    private readonly Channel<long> _changed = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = false, SingleWriter = true });
    private readonly Func<ValueTask> _unsubscribe;
    private long _resyncs;
    private int _disposed;

    internal BookFeed(LocalBook book, Func<BookFeed, Func<ValueTask>> unsubscribe)
    {
        Book = book;
        _unsubscribe = unsubscribe(this);
    }

    /// <summary>The local book.</summary>
    public LocalBook Book { get; }

    /// <summary>How many times the book lost synchronisation (checksum mismatch or unreadable message) and was asked for again.</summary>
    public long Resyncs => Interlocked.Read(ref _resyncs);

    /// <summary>
    /// Waits until the book changed after the last call (a verified snapshot or update); returns the book's
    /// <see cref="LocalBook.Version"/> then. Signals coalesce: several updates may have been applied.
    /// </summary>
    public async ValueTask<long> WaitForChangeAsync(CancellationToken cancellationToken = default) =>
        await _changed.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Unsubscribes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _unsubscribe().ConfigureAwait(false);
        _changed.Writer.TryComplete();
    }

    /// <inheritdoc />
    public override string ToString() => $"BookFeed({Book.Symbol}, depth {Book.Depth})";

    internal void Changed(long version) => _changed.Writer.TryWrite(version);

    internal void CountResync() => Interlocked.Increment(ref _resyncs);

    internal void Complete() => _changed.Writer.TryComplete();
}
