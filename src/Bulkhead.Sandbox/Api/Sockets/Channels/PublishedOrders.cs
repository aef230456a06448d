using Bulkhead.Kraken.Books;
using Bulkhead.Sandbox.Market;

namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>
/// The orders of one (symbol, depth) as last published on <c>level3</c>, and the order events to the next read — the
/// order-by-order twin of <see cref="PublishedBook"/>. Each side holds the orders of its best <c>depth</c> price levels,
/// best level first and each level in queue order. Not thread-safe (the channel locks).
/// </summary>
internal sealed class PublishedOrders(SocketInstrument instrument, int depth)
{
    private List<WireOrder> _bids = [];
    private List<WireOrder> _asks = [];

    /// <summary>Bid orders, best level first, each level in queue order.</summary>
    public IReadOnlyList<WireOrder> Bids => _bids;

    /// <summary>Ask orders, best level first, each level in queue order.</summary>
    public IReadOnlyList<WireOrder> Asks => _asks;

    /// <summary>The L3 checksum of the published orders (every order of the top 10 levels of each side).</summary>
    public uint Checksum { get; private set; } = BookChecksum.ComputeLevel3([], []);

    /// <summary>
    /// Takes <paramref name="read"/> (the orders of the best <c>depth</c> levels) as the new state; answers each side's
    /// events, or null when nothing changed. Per side: <c>delete</c> for an order gone from the window (not for the orders
    /// of a level that only fell below a full window — clients truncate to <c>depth</c> levels, as on <c>book</c>), or
    /// whose price or priority changed; <c>modify</c> for an order whose resting quantity changed in place; then
    /// <c>add</c>, in queue order, for every order new to the window — a new order, one re-queued by an amend, and all
    /// orders of a level that came into scope. A client appending adds to the back of their levels keeps queue order.
    /// </summary>
    public (List<OrderEvent> Bids, List<OrderEvent> Asks)? Apply((IReadOnlyList<BookOrder> Bids, IReadOnlyList<BookOrder> Asks) read, DateTimeOffset now)
    {
        var bids = Orders(read.Bids);
        var asks = Orders(read.Asks);
        var bidEvents = Diff(_bids, bids, bidSide: true, now);
        var askEvents = Diff(_asks, asks, bidSide: false, now);
        if (bidEvents.Count == 0 && askEvents.Count == 0)
        {
            return null;
        }

        _bids = bids;
        _asks = asks;
        Checksum = BookChecksum.ComputeLevel3(Levels(asks), Levels(bids));
        return (bidEvents, askEvents);
    }

    private static IEnumerable<IEnumerable<(string Price, string Qty)>> Levels(List<WireOrder> side) =>
        side.GroupBy(o => o.Price).Select(level => level.Select(o => (o.PriceText, o.QtyText)));

    private List<WireOrder> Orders(IReadOnlyList<BookOrder> side)
    {
        var orders = new List<WireOrder>(side.Count);
        var levels = 0;
        for (var i = 0; i < side.Count; i++)
        {
            var order = side[i];
            if ((i == 0 || order.Price != side[i - 1].Price) && ++levels > depth)
            {
                break;
            }

            orders.Add(new WireOrder(order.OrderId, order.Price, SocketFrames.Number(order.Price, instrument.PriceDecimals), SocketFrames.Number(order.Quantity, instrument.QtyDecimals), order.Priority, order.OpenedAt));
        }

        return orders;
    }

    private List<OrderEvent> Diff(List<WireOrder> before, List<WireOrder> after, bool bidSide, DateTimeOffset now)
    {
        var current = new Dictionary<string, WireOrder>(after.Count, StringComparer.Ordinal);
        var levels = 0;
        for (var i = 0; i < after.Count; i++)
        {
            current[after[i].OrderId] = after[i];
            if (i == 0 || after[i].Price != after[i - 1].Price)
            {
                levels++;
            }
        }

        var full = levels >= depth;
        var worst = after.Count > 0 ? after[^1].Price : 0m;
        var deletes = new List<OrderEvent>();
        var modifies = new List<OrderEvent>();
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var order in before)
        {
            if (!current.TryGetValue(order.OrderId, out var later))
            {
                if (!BookWindow.PushedOut(full, worst, order.Price, bidSide))
                {
                    deletes.Add(new OrderEvent("delete", order, now));
                }

                continue;
            }

            if (later.Price != order.Price || later.Priority != order.Priority)
            {
                deletes.Add(new OrderEvent("delete", order, now));
                continue;
            }

            kept.Add(order.OrderId);
            if (!string.Equals(later.QtyText, order.QtyText, StringComparison.Ordinal))
            {
                modifies.Add(new OrderEvent("modify", later, now));
            }
        }

        var events = deletes;
        events.AddRange(modifies);
        foreach (var order in after)
        {
            if (!kept.Contains(order.OrderId))
            {
                events.Add(new OrderEvent("add", order, order.OpenedAt));
            }
        }

        return events;
    }
}
