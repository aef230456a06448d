using Bulkhead.Sandbox.Matching.Internal;

namespace Bulkhead.Sandbox.Matching;

/// <summary>Read-only views of <see cref="OrderBook"/>: best prices, depth, orders, sweep estimates.</summary>
public sealed partial class OrderBook
{
    /// <summary>The highest bid.</summary>
    /// <param name="price">The price in ticks, or 0 when there are no bids.</param>
    /// <returns>Whether there is a bid.</returns>
    public bool TryGetBestBid(out long price) => TryGetBest(_bids, out price);

    /// <summary>The lowest ask.</summary>
    /// <param name="price">The price in ticks, or 0 when there are no asks.</param>
    /// <returns>Whether there is an ask.</returns>
    public bool TryGetBestAsk(out long price) => TryGetBest(_asks, out price);

    /// <summary>A resting order by id.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="order">The order, or default when it does not rest on the book.</param>
    /// <returns>Whether it rests on the book.</returns>
    public bool TryGetOrder(long orderId, out RestingOrder order)
    {
        if (_index.TryGetValue(orderId, out var slot))
        {
            order = ToResting(slot);
            return true;
        }

        order = default;
        return false;
    }

    /// <summary>Clears both lists and fills them with up to <paramref name="levels"/> levels per side, best first.</summary>
    /// <param name="levels">The number of levels per side (non-negative).</param>
    /// <param name="bids">Receives the bids, highest first.</param>
    /// <param name="asks">Receives the asks, lowest first.</param>
    public void GetDepth(int levels, List<BookLevel> bids, List<BookLevel> asks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentNullException.ThrowIfNull(asks);
        Depth(_bids, levels, bids);
        Depth(_asks, levels, asks);
    }

    /// <summary>
    /// Clears both lists and fills them with the orders of up to <paramref name="levels"/> price levels per side, best
    /// level first, each level's orders in queue (time priority) order.
    /// </summary>
    /// <param name="levels">The number of levels per side (non-negative).</param>
    /// <param name="bids">Receives the bid orders, highest level first.</param>
    /// <param name="asks">Receives the ask orders, lowest level first.</param>
    public void GetLevelOrders(int levels, List<RestingOrder> bids, List<RestingOrder> asks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentNullException.ThrowIfNull(asks);
        LevelOrders(_bids, levels, bids);
        LevelOrders(_asks, levels, asks);
    }

    /// <summary>
    /// All resting orders: bids best price first, then asks best price first, oldest first within a price. The book
    /// must not change while this is enumerated.
    /// </summary>
    /// <returns>The orders.</returns>
    public IEnumerable<RestingOrder> Orders()
    {
        foreach (var side in (BookSide[])[_bids, _asks])
        {
            for (var i = 0; i < side.Count; i++)
            {
                for (var slot = _levels[side.LevelFromBest(i)].Head; slot != None; slot = _orders[slot].Next)
                {
                    yield return ToResting(slot);
                }
            }
        }
    }

    /// <summary>
    /// What a taker on <paramref name="takerSide"/> would fill right now, walking the opposite side best price first;
    /// nothing changes. Orders of <paramref name="skipOwner"/> are passed over, as self-trade prevention
    /// <see cref="SelfTradePrevention.CancelOldest"/> would; a cancel-newest or cancel-both taker stops at its first
    /// own order instead, so for it the estimate is an upper bound.
    /// </summary>
    /// <param name="takerSide">The taker's side.</param>
    /// <param name="quantity">Lots wanted (non-negative).</param>
    /// <param name="limitPrice">The taker's limit in ticks; <see langword="null"/> for a market order.</param>
    /// <param name="skipOwner">An owner whose resting orders are not counted.</param>
    /// <returns>Quantity, notional (ticks × lots) and worst price touched.</returns>
    public SweepEstimate Sweep(Side takerSide, long quantity, long? limitPrice, long? skipOwner = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var opposite = takerSide == Side.Buy ? _asks : _bids;
        var buy = takerSide == Side.Buy;
        var remaining = quantity;
        var notional = 0m;
        var worst = 0L;
        for (var i = 0; i < opposite.Count && remaining > 0; i++)
        {
            ref readonly var level = ref _levels[opposite.LevelFromBest(i)];
            if (limitPrice is { } limit && (buy ? level.Price > limit : level.Price < limit))
            {
                break;
            }

            long taken;
            if (skipOwner is not { } skip)
            {
                taken = Math.Min(remaining, level.Quantity);
            }
            else
            {
                taken = 0;
                for (var slot = level.Head; slot != None && taken < remaining; slot = _orders[slot].Next)
                {
                    if (_orders[slot].Owner != skip)
                    {
                        taken += Math.Min(remaining - taken, _orders[slot].Remaining);
                    }
                }
            }

            if (taken > 0)
            {
                remaining -= taken;
                notional += (decimal)level.Price * taken;
                worst = level.Price;
            }
        }

        return new SweepEstimate(quantity - remaining, notional, worst);
    }

    private bool TryGetBest(BookSide side, out long price)
    {
        if (side.Count == 0)
        {
            price = 0;
            return false;
        }

        price = _levels[side.Best].Price;
        return true;
    }

    private void Depth(BookSide side, int levels, List<BookLevel> into)
    {
        into.Clear();
        for (var i = 0; i < side.Count && into.Count < levels; i++)
        {
            ref readonly var level = ref _levels[side.LevelFromBest(i)];
            if (level.Count > 0)
            {
                into.Add(new BookLevel(level.Price, level.Quantity, level.Count));
            }
        }
    }

    private void LevelOrders(BookSide side, int levels, List<RestingOrder> into)
    {
        into.Clear();
        var taken = 0;
        for (var i = 0; i < side.Count && taken < levels; i++)
        {
            ref readonly var level = ref _levels[side.LevelFromBest(i)];
            if (level.Count == 0)
            {
                continue;
            }

            taken++;
            for (var slot = level.Head; slot != None; slot = _orders[slot].Next)
            {
                into.Add(ToResting(slot));
            }
        }
    }

    private RestingOrder ToResting(int slot)
    {
        ref readonly var o = ref _orders[slot];
        return new RestingOrder(o.OrderId, o.Owner, o.Side, o.Price, o.Remaining, o.Sequence);
    }
}
