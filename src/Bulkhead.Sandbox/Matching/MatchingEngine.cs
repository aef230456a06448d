namespace Bulkhead.Sandbox.Matching;

/// <summary>
/// The books of one venue, by symbol. Not thread-safe: like <see cref="OrderBook"/>, it is used under the caller's lock.
/// </summary>
public sealed class MatchingEngine
{
    private readonly Dictionary<string, OrderBook> _books = new(StringComparer.Ordinal);

    /// <summary>All books created so far.</summary>
    public IReadOnlyCollection<OrderBook> Books => _books.Values;

    /// <summary>The book of a symbol, created empty on first use.</summary>
    /// <param name="symbol">The symbol (compared ordinally).</param>
    /// <returns>The book.</returns>
    public OrderBook Book(string symbol)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        if (!_books.TryGetValue(symbol, out var book))
        {
            book = new OrderBook(symbol);
            _books.Add(symbol, book);
        }

        return book;
    }
}
