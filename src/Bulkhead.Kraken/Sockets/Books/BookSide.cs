namespace Bulkhead.Kraken.Sockets.Books;

/// <summary>
/// One side of a local book: levels sorted best first (bids high → low, asks low → high) in a preallocated array, so
/// applying a level never allocates. Holds more levels than the window while a message is applied; the book truncates
/// to its depth after each message (Kraken sends no <c>qty: 0</c> for levels that fall out of the window).
/// </summary>
internal sealed class BookSide
{
    private readonly BookLevel[] _levels;
    private readonly bool _descending;

    public BookSide(int capacity, bool descending)
    {
        _levels = new BookLevel[capacity];
        _descending = descending;
    }

    public int Count { get; private set; }

    public ReadOnlySpan<BookLevel> Levels => _levels.AsSpan(0, Count);

    /// <summary>Sets the quantity at a price; zero removes the level. A level worse than a full side's worst is dropped.</summary>
    public void Set(decimal price, decimal quantity)
    {
        var index = Find(price, out var found);
        if (quantity == 0m)
        {
            if (found)
            {
                Array.Copy(_levels, index + 1, _levels, index, Count - index - 1);
                Count--;
            }

            return;
        }

        if (found)
        {
            _levels[index] = new BookLevel(price, quantity);
            return;
        }

        if (Count == _levels.Length)
        {
            if (index == Count)
            {
                return;
            }

            Count--;
        }

        Array.Copy(_levels, index, _levels, index + 1, Count - index);
        _levels[index] = new BookLevel(price, quantity);
        Count++;
    }

    public void Truncate(int depth)
    {
        if (Count > depth)
        {
            Count = depth;
        }
    }

    public void Clear() => Count = 0;

    /// <summary>The running checksum over the first <paramref name="levels"/> levels.</summary>
    public uint Checksum(uint crc, int levels)
    {
        var span = Levels;
        var n = Math.Min(levels, span.Length);
        for (var i = 0; i < n; i++)
        {
            crc = Bulkhead.Kraken.Books.BookChecksum.Append(crc, span[i].Price, span[i].Quantity);
        }

        return crc;
    }

    // Binary search for the price in best-first order; the insertion index when absent.
    private int Find(decimal price, out bool found)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var compare = _levels[mid].Price.CompareTo(price);
            if (compare == 0)
            {
                found = true;
                return mid;
            }

            // Best first: on the bid side a higher price comes first.
            if (_descending ? compare > 0 : compare < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        found = false;
        return low;
    }
}
