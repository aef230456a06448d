namespace Bulkhead.Sandbox.Matching.Internal;

/// <summary>
/// One side's price levels as a sorted array of keys with the best at the end (bids: key = price; asks: key = -price,
/// so the end is always the best), mapped to pooled <see cref="PriceLevel"/> indices. Most activity is near the touch,
/// so inserts shift few entries and the best is removed in O(1). A level that empties behind the best stays in place
/// as a tombstone (no shift; reused if an order comes back to that price) until tombstones outnumber live levels and
/// <c>OrderBook</c> compacts the side; the best (the end) is never empty.
/// </summary>
internal sealed class BookSide
{
    private long[] _keys = new long[64];
    private int[] _levels = new int[64];

    public BookSide(bool isBid) => IsBid = isBid;

    public bool IsBid { get; }

    public int Count { get; private set; }

    /// <summary>Empty levels kept in the array (tombstones).</summary>
    public int Tombstones { get; set; }

    /// <summary>The level index of the best price (the side must not be empty).</summary>
    public int Best => _levels[Count - 1];

    /// <summary>The level index <paramref name="fromBest"/> places behind the best (0 = best).</summary>
    public int LevelFromBest(int fromBest) => _levels[Count - 1 - fromBest];

    /// <summary>Where a price is: its index, or the bitwise complement of where it would be inserted.</summary>
    public int IndexOf(long price)
    {
        var key = IsBid ? price : -price;
        var count = Count;
        if (count == 0)
        {
            return ~0;
        }

        // Fast path: at or beyond the best price.
        var best = _keys[count - 1];
        if (key >= best)
        {
            return key == best ? count - 1 : ~count;
        }

        var lo = 0;
        var hi = count - 2;
        while (lo <= hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            var k = _keys[mid];
            if (k == key)
            {
                return mid;
            }

            if (k < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    public int LevelAt(int index) => _levels[index];

    public void Insert(int index, long price, int level)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
            Array.Resize(ref _levels, _levels.Length * 2);
        }

        var tail = Count - index;
        if (tail > 0)
        {
            Array.Copy(_keys, index, _keys, index + 1, tail);
            Array.Copy(_levels, index, _levels, index + 1, tail);
        }

        _keys[index] = IsBid ? price : -price;
        _levels[index] = level;
        Count++;
    }

    public void RemoveBest() => Count--;

    /// <summary>Moves the entry at <paramref name="from"/> to <paramref name="to"/> (≤ from), for compaction.</summary>
    public void Move(int from, int to)
    {
        _keys[to] = _keys[from];
        _levels[to] = _levels[from];
    }

    public void Truncate(int count) => Count = count;

    public void Clear()
    {
        Count = 0;
        Tombstones = 0;
    }
}
