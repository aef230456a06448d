using Bulkhead.Kraken.Books;
using Bulkhead.Sandbox.Market;

namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>
/// The levels of one (symbol, depth) as last published to its subscribers, and the diff to the next read. A subscriber's
/// snapshot is this state, so every update it then gets applies to a base it saw. Not thread-safe (the channel locks).
/// </summary>
internal sealed class PublishedBook(SocketInstrument instrument, int depth)
{
    private List<WireLevel> _bids = [];
    private List<WireLevel> _asks = [];

    /// <summary>Bids, best (highest) first.</summary>
    public IReadOnlyList<WireLevel> Bids => _bids;

    /// <summary>Asks, best (lowest) first.</summary>
    public IReadOnlyList<WireLevel> Asks => _asks;

    /// <summary>The checksum of the published levels (top 10 of each side).</summary>
    public uint Checksum { get; private set; } = BookChecksum.Compute([], []);

    /// <summary>
    /// Takes the first <c>depth</c> levels of <paramref name="read"/> as the new state; answers the changed levels of each
    /// side (new or changed quantities, removed ones with quantity 0), or null when nothing changed. A level that only fell
    /// below the window (the new side is full and it is worse than the new worst level) is not sent: Kraken's clients
    /// truncate to their depth after each update (websocket.md §5 book).
    /// </summary>
    public (List<WireLevel> Bids, List<WireLevel> Asks)? Apply(BookDepth read)
    {
        var bids = Levels(read.Bids);
        var asks = Levels(read.Asks);
        var bidChanges = Diff(_bids, bids, bidSide: true);
        var askChanges = Diff(_asks, asks, bidSide: false);
        if (bidChanges.Count == 0 && askChanges.Count == 0)
        {
            return null;
        }

        _bids = bids;
        _asks = asks;
        Checksum = BookChecksum.Compute(asks.Select(l => (l.PriceText, l.QtyText)), bids.Select(l => (l.PriceText, l.QtyText)));
        return (bidChanges, askChanges);
    }

    private List<WireLevel> Levels(IReadOnlyList<MarketLevel> side)
    {
        var levels = new List<WireLevel>(Math.Min(side.Count, depth));
        for (var i = 0; i < side.Count && i < depth; i++)
        {
            var level = side[i];
            levels.Add(new WireLevel(level.Price, SocketFrames.Number(level.Price, instrument.PriceDecimals), SocketFrames.Number(level.Volume, instrument.QtyDecimals)));
        }

        return levels;
    }

    private List<WireLevel> Diff(List<WireLevel> before, List<WireLevel> after, bool bidSide)
    {
        var changes = new List<WireLevel>();
        var old = new Dictionary<decimal, string>(before.Count);
        foreach (var level in before)
        {
            old[level.Price] = level.QtyText;
        }

        var current = new HashSet<decimal>(after.Count);
        foreach (var level in after)
        {
            current.Add(level.Price);
            if (!old.TryGetValue(level.Price, out var qty) || !string.Equals(qty, level.QtyText, StringComparison.Ordinal))
            {
                changes.Add(level);
            }
        }

        var full = after.Count >= depth;
        var worst = after.Count > 0 ? after[^1].Price : 0m;
        foreach (var level in before)
        {
            if (current.Contains(level.Price))
            {
                continue;
            }

            if (!BookWindow.PushedOut(full, worst, level.Price, bidSide))
            {
                changes.Add(level with { QtyText = SocketFrames.Number(0m, instrument.QtyDecimals) });
            }
        }

        changes.Sort((a, b) => bidSide ? b.Price.CompareTo(a.Price) : a.Price.CompareTo(b.Price));
        return changes;
    }
}
