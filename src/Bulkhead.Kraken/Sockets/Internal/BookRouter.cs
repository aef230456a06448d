using Bulkhead.Kraken.Sockets.Books;

namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>
/// The client's books, found by symbol for each <c>book</c> item without allocating (a copy-on-write array: the receive
/// loop reads it while subscriptions come and go). An item that breaks a book is reported once per resynchronisation.
/// </summary>
internal sealed class BookRouter(Action<BookSubscription, BookApplyResult> lost) : IBookSet
{
    private readonly Lock _gate = new();
    private BookSubscription[] _books = [];

    public IReadOnlyList<BookSubscription> Books => Volatile.Read(ref _books);

    public bool Contains(string symbol) => Volatile.Read(ref _books).Any(b => b.Book.Symbol == symbol);

    public void Add(BookSubscription book)
    {
        lock (_gate)
        {
            _books = [.. _books, book];
        }
    }

    public void Remove(BookSubscription book)
    {
        lock (_gate)
        {
            _books = [.. _books.Where(b => !ReferenceEquals(b, book))];
        }
    }

    public void Apply(ReadOnlySpan<byte> frame) => BookFrameReader.Apply(frame, this);

    LocalBook? IBookSet.Find(ReadOnlySpan<byte> symbol)
    {
        foreach (var book in Volatile.Read(ref _books))
        {
            if (symbol.SequenceEqual(book.Book.SymbolUtf8))
            {
                return book.Book;
            }
        }

        return null;
    }

    void IBookSet.Applied(LocalBook book, BookApplyResult result)
    {
        foreach (var subscription in Volatile.Read(ref _books))
        {
            if (!ReferenceEquals(subscription.Book, book))
            {
                continue;
            }

            if (result == BookApplyResult.Applied)
            {
                subscription.Feed?.Changed(book.Version);
            }
            else if (result is BookApplyResult.ChecksumMismatch or BookApplyResult.Malformed)
            {
                lost(subscription, result);
            }

            return;
        }
    }
}
