using Bulkhead.Sandbox.Matching.Internal;

namespace Bulkhead.Sandbox.Matching;

/// <summary>The matching loop and the pools behind <see cref="OrderBook"/>.</summary>
public sealed partial class OrderBook
{
    /// <summary>Whether a limit order on <paramref name="side"/> at <paramref name="price"/> would take.</summary>
    private bool Crosses(Side side, long price)
    {
        if (side == Side.Buy)
        {
            return _asks.Count > 0 && _levels[_asks.Best].Price <= price;
        }

        return _bids.Count > 0 && _levels[_bids.Best].Price >= price;
    }

    /// <summary>
    /// Whether a taker of <paramref name="takerAccount"/> in group <paramref name="owner"/> cancels a resting order of the
    /// same group placed by <paramref name="makerAccount"/> (and goes on), rather than stopping.
    /// </summary>
    private static bool CancelsMaker(SelfTradePrevention mode, long makerAccount, long owner, long takerAccount) => mode switch
    {
        SelfTradePrevention.CancelOldest or SelfTradePrevention.CancelBoth => true,
        SelfTradePrevention.CancelMakerSelf => makerAccount == takerAccount,
        SelfTradePrevention.CancelMakerChild => makerAccount == takerAccount || takerAccount == owner,
        _ => false,
    };

    /// <summary>
    /// Takes liquidity from the opposite side, best price first and oldest first within a price, until the quantity is
    /// filled, the limit stops it, or self-trade prevention cancels the taker (<paramref name="selfTradeStopped"/>).
    /// </summary>
    /// <returns>The taker's unfilled quantity.</returns>
    private long Take(
        long id, long owner, long account, Side side, bool market, long limit, long quantity, SelfTradePrevention selfTrade,
        IMatchListener listener, out bool selfTradeStopped)
    {
        selfTradeStopped = false;
        var opposite = side == Side.Buy ? _asks : _bids;
        var buy = side == Side.Buy;
        var remaining = quantity;
        while (remaining > 0 && opposite.Count > 0)
        {
            var levelIndex = opposite.Best;
            ref var level = ref _levels[levelIndex];
            var price = level.Price;
            if (!market && (buy ? price > limit : price < limit))
            {
                break;
            }

            // Every order visited is the level's head: it is filled and removed, cancelled, partly filled (the taker
            // is done), or self-trade prevention stops the taker.
            while (remaining > 0 && level.Head != None)
            {
                var makerSlot = level.Head;
                ref var maker = ref _orders[makerSlot];
                if (maker.Owner == owner)
                {
                    if (!CancelsMaker(selfTrade, maker.Account, owner, account))
                    {
                        selfTradeStopped = true;
                        return remaining;
                    }

                    var makerId = maker.OrderId;
                    var makerRemaining = maker.Remaining;
                    RemoveHead(ref level, makerSlot);
                    listener.OnCancelled(makerId, makerRemaining, CancelReason.SelfTrade);
                    if (selfTrade == SelfTradePrevention.CancelBoth)
                    {
                        selfTradeStopped = true;
                        if (level.Count == 0)
                        {
                            LevelEmptied(opposite, levelIndex);
                        }

                        return remaining;
                    }

                    continue;
                }

                var traded = Math.Min(remaining, maker.Remaining);
                remaining -= traded;
                maker.Remaining -= traded;
                level.Quantity -= traded;
                var fill = new Fill(maker.OrderId, maker.Owner, id, owner, side, price, traded, maker.Remaining, remaining);
                if (maker.Remaining == 0)
                {
                    RemoveHead(ref level, makerSlot);
                }

                listener.OnFill(fill);
            }

            if (level.Count != 0)
            {
                break;
            }

            LevelEmptied(opposite, levelIndex);
        }

        return remaining;
    }

    /// <summary>Removes and frees empty levels at the best end of a side, so its best is a live level again.</summary>
    private void TrimBest(BookSide side)
    {
        while (side.Count > 0)
        {
            var best = side.Best;
            if (_levels[best].Count != 0)
            {
                return;
            }

            side.RemoveBest();
            side.Tombstones--;
            FreeLevel(best);
        }
    }

    /// <summary>A level just became empty: trim it if it is the best, else leave a tombstone (compacting when many).</summary>
    private void LevelEmptied(BookSide side, int levelIndex)
    {
        side.Tombstones++;
        if (side.Best == levelIndex)
        {
            TrimBest(side);
        }
        else if (side.Tombstones > 32 && side.Tombstones > side.Count / 2)
        {
            Compact(side);
        }
    }

    /// <summary>Drops every tombstone of a side in one pass (amortised over the removals that made them).</summary>
    private void Compact(BookSide side)
    {
        var kept = 0;
        for (var i = 0; i < side.Count; i++)
        {
            var levelIndex = side.LevelAt(i);
            if (_levels[levelIndex].Count == 0)
            {
                FreeLevel(levelIndex);
            }
            else
            {
                side.Move(i, kept++);
            }
        }

        side.Truncate(kept);
        side.Tombstones = 0;
    }

    /// <summary>Removes and frees the head order of a level (filled or cancelled while taking).</summary>
    private void RemoveHead(ref PriceLevel level, int slot)
    {
        ref var o = ref _orders[slot];
        level.Quantity -= o.Remaining;
        level.Count--;
        level.Head = o.Next;
        if (o.Next == None)
        {
            level.Tail = None;
        }
        else
        {
            _orders[o.Next].Prev = None;
        }

        _index.Remove(o.OrderId);
        FreeOrder(slot);
    }

    /// <summary>Puts an order slot at the back of its price level with a fresh sequence.</summary>
    private void Rest(int slot, long price, long remaining)
    {
        var side = _orders[slot].Side == Side.Buy ? _bids : _asks;
        var at = side.IndexOf(price);
        int levelIndex;
        if (at >= 0)
        {
            levelIndex = side.LevelAt(at);
            if (_levels[levelIndex].Count == 0)
            {
                side.Tombstones--;
            }
        }
        else
        {
            levelIndex = AllocateLevel();
            ref var fresh = ref _levels[levelIndex];
            fresh.Price = price;
            fresh.Quantity = 0;
            fresh.Count = 0;
            fresh.Head = None;
            fresh.Tail = None;
            side.Insert(~at, price, levelIndex);
        }

        ref var level = ref _levels[levelIndex];
        ref var o = ref _orders[slot];
        o.Price = price;
        o.Remaining = remaining;
        o.Sequence = ++_sequence;
        o.Level = levelIndex;
        o.Next = None;
        o.Prev = level.Tail;
        if (level.Tail == None)
        {
            level.Head = slot;
        }
        else
        {
            _orders[level.Tail].Next = slot;
        }

        level.Tail = slot;
        level.Count++;
        level.Quantity += remaining;
    }

    /// <summary>Takes a resting order out of its level's FIFO (the slot and its id stay).</summary>
    private void Unlink(int slot)
    {
        ref var o = ref _orders[slot];
        var levelIndex = o.Level;
        ref var level = ref _levels[levelIndex];
        if (o.Prev == None)
        {
            level.Head = o.Next;
        }
        else
        {
            _orders[o.Prev].Next = o.Next;
        }

        if (o.Next == None)
        {
            level.Tail = o.Prev;
        }
        else
        {
            _orders[o.Next].Prev = o.Prev;
        }

        level.Count--;
        level.Quantity -= o.Remaining;
        if (level.Count == 0)
        {
            LevelEmptied(o.Side == Side.Buy ? _bids : _asks, levelIndex);
        }
    }

    private int AllocateOrder()
    {
        if (_freeOrder != None)
        {
            var slot = _freeOrder;
            _freeOrder = _orders[slot].Next;
            return slot;
        }

        if (_ordersUsed == _orders.Length)
        {
            Array.Resize(ref _orders, _orders.Length * 2);
        }

        return _ordersUsed++;
    }

    private void FreeOrder(int slot)
    {
        _orders[slot].Next = _freeOrder;
        _freeOrder = slot;
    }

    private int AllocateLevel()
    {
        if (_freeLevel != None)
        {
            var index = _freeLevel;
            _freeLevel = _levels[index].Head;
            return index;
        }

        if (_levelsUsed == _levels.Length)
        {
            Array.Resize(ref _levels, _levels.Length * 2);
        }

        return _levelsUsed++;
    }

    private void FreeLevel(int index)
    {
        _levels[index].Head = _freeLevel;
        _freeLevel = index;
    }
}
