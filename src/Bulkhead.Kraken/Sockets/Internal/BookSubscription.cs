using System.Text.Json;
using Bulkhead.Kraken.Sockets.Books;

namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>A <c>book</c> subscription: its local book (fed by <see cref="BookRouter"/>) and its stream's signal.</summary>
internal sealed class BookSubscription(LocalBook book) : SocketSubscription("book", SocketChannelName.Book, Describe(book.Symbol, book.Depth), isPrivate: false)
{
    private int _resyncing;

    public LocalBook Book { get; } = book;

    public BookFeed? Feed { get; set; }

    /// <summary>The session a resubscription was asked in; -1 when none is pending.</summary>
    public int ResyncSession => Volatile.Read(ref _resyncing) - 1;

    public static string Describe(string symbol, int depth) => $"book {symbol} {depth}";

    public override void WriteParams(Utf8JsonWriter w, bool subscribing)
    {
        w.WriteStartArray("symbol");
        w.WriteStringValue(Book.Symbol);
        w.WriteEndArray();
        w.WriteNumber("depth", Book.Depth);
    }

    public override void OnSessionStarting(int session)
    {
        Book.Reset();
        Volatile.Write(ref _resyncing, 0);
    }

    public override void OnSessionEnded() => Book.Reset();

    /// <summary>Marks a resubscription as wanted in <paramref name="session"/>; false when one is already pending.</summary>
    public bool TryStartResync(int session) => Interlocked.CompareExchange(ref _resyncing, session + 1, 0) == 0;

    public void ResyncDone() => Volatile.Write(ref _resyncing, 0);

    public override void Close() => Feed?.Complete();
}
