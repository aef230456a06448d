using System.Globalization;
using Bulkhead.Sandbox.Matching.Internal;

namespace Bulkhead.Sandbox.Matching;

/// <summary>A full structural self-check of <see cref="OrderBook"/>, for tests.</summary>
public sealed partial class OrderBook
{
    /// <summary>Entries in both sides' level arrays, live levels and tombstones.</summary>
    internal int LevelEntries => _bids.Count + _asks.Count;

    /// <summary>
    /// Walks the whole book and returns the first broken internal invariant, or null: keys strictly sorted, the best
    /// level live, tombstone counts exact, level totals and FIFO links consistent, the id index exact. O(book).
    /// </summary>
    internal string? CheckStructure()
    {
        var seen = 0;
        foreach (var side in (BookSide[])[_bids, _asks])
        {
            if (side.Count > 0 && _levels[side.Best].Count == 0)
            {
                return "the best level is empty";
            }

            var empty = 0;
            long? previous = null;
            for (var i = 0; i < side.Count; i++)
            {
                ref readonly var level = ref _levels[side.LevelAt(i)];
                var key = side.IsBid ? level.Price : -level.Price;
                if (previous >= key)
                {
                    return Invariant($"level keys not strictly ascending at {i}");
                }

                previous = key;
                empty += level.Count == 0 ? 1 : 0;
                var (count, quantity, prev) = (0, 0L, None);
                for (var slot = level.Head; slot != None; slot = _orders[slot].Next)
                {
                    ref readonly var o = ref _orders[slot];
                    if (o.Prev != prev || o.Price != level.Price || o.Level != side.LevelAt(i) || o.Remaining <= 0
                        || (o.Side == Side.Buy) != side.IsBid || !_index.TryGetValue(o.OrderId, out var indexed) || indexed != slot)
                    {
                        return Invariant($"order {o.OrderId} inconsistent with its level {level.Price}");
                    }

                    (count, quantity, prev) = (count + 1, quantity + o.Remaining, slot);
                }

                if (count != level.Count || quantity != level.Quantity || prev != level.Tail)
                {
                    return Invariant($"level {level.Price} totals or tail wrong");
                }

                seen += count;
            }

            if (empty != side.Tombstones)
            {
                return Invariant($"{empty} empty levels but {side.Tombstones} tombstones counted");
            }
        }

        return seen == _index.Count ? null : Invariant($"{seen} orders linked but {_index.Count} indexed");
    }

    private static string Invariant(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
