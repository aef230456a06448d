using Bulkhead.Sandbox.Matching.Internal;

namespace Bulkhead.Sandbox.Matching;

/// <summary>
/// A central limit order book for one symbol: price-time priority, fills at the maker's price, limit and market
/// orders, IOC, post-only, amend, and Kraken's self-trade prevention. Prices are integer ticks and quantities integer
/// lots (see <see cref="BookScale"/>). Pure and deterministic: the same commands give the same events. Not
/// thread-safe: the caller serialises commands (the exchange's lock).
/// </summary>
/// <remarks>
/// Orders live in pooled slots linked into per-level FIFO lists; each side keeps its levels in a sorted array with the
/// best at the end; an id → slot dictionary finds orders. Steady-state commands allocate nothing.
/// </remarks>
public sealed partial class OrderBook
{
    private const int None = -1;

    private readonly BookSide _bids = new(isBid: true);
    private readonly BookSide _asks = new(isBid: false);
    private readonly Dictionary<long, int> _index = [];
    private OrderSlot[] _orders = new OrderSlot[64];
    private PriceLevel[] _levels = new PriceLevel[64];
    private int _ordersUsed;
    private int _freeOrder = None;
    private int _levelsUsed;
    private int _freeLevel = None;
    private long _sequence;

    /// <summary>Creates an empty book.</summary>
    /// <param name="symbol">The symbol, for the caller's bookkeeping.</param>
    public OrderBook(string symbol)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        Symbol = symbol;
    }

    /// <summary>The symbol.</summary>
    public string Symbol { get; }

    /// <summary>Resting orders on both sides.</summary>
    public int OrderCount => _index.Count;

    /// <summary>Whether the best bid is at or above the best ask (never true after a command; for tests).</summary>
    public bool IsCrossed => _bids.Count > 0 && _asks.Count > 0 && _levels[_bids.Best].Price >= _levels[_asks.Best].Price;

    /// <summary>
    /// Matches an order against the book and rests what is left, as its kind, time in force and post-only flag say.
    /// Events reach <paramref name="listener"/> as they happen.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="listener">Receives fills, rests and cancels.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException">Misuse: a resting order has this id, the quantity or a limit price is not
    /// positive, or a market order is post-only.</exception>
    public SubmitResult Submit(in NewOrder order, IMatchListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        Validate(order);
        var id = order.OrderId;
        var side = order.Side;
        var market = order.Kind == OrderKind.Market;
        var quantity = order.Quantity;
        if (order.PostOnly && Crosses(side, order.Price))
        {
            listener.OnCancelled(id, quantity, CancelReason.PostOnly);
            return new SubmitResult(SubmitStatus.Rejected, 0, 0);
        }

        var remaining = quantity;
        var selfTradeStopped = false;
        if (market || Crosses(side, order.Price))
        {
            remaining = Take(id, order.Owner, order.Account == 0 ? order.Owner : order.Account, side, market, order.Price, quantity, order.SelfTrade, listener, out selfTradeStopped);
        }

        var filled = quantity - remaining;
        if (remaining == 0)
        {
            return new SubmitResult(SubmitStatus.Filled, filled, 0);
        }

        CancelReason? cancel = selfTradeStopped ? CancelReason.SelfTrade
            : market ? CancelReason.NoLiquidity
            : order.TimeInForce == TimeInForce.ImmediateOrCancel ? CancelReason.ImmediateOrCancel
            : null;
        if (cancel is { } reason)
        {
            listener.OnCancelled(id, remaining, reason);
            return new SubmitResult(SubmitStatus.Cancelled, filled, 0);
        }

        var slot = AllocateOrder();
        ref var o = ref _orders[slot];
        o.OrderId = id;
        o.Owner = order.Owner;
        o.Account = order.Account == 0 ? order.Owner : order.Account;
        o.Side = side;
        o.PostOnly = order.PostOnly;
        o.SelfTrade = order.SelfTrade;
        Rest(slot, order.Price, remaining);
        _index.Add(id, slot);
        listener.OnRested(id, remaining);
        return new SubmitResult(filled == 0 ? SubmitStatus.Rested : SubmitStatus.PartiallyFilledRested, filled, remaining);
    }

    /// <summary>Removes a resting order; raises <see cref="IMatchListener.OnCancelled"/> with <see cref="CancelReason.User"/>.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="listener">Receives the cancel.</param>
    /// <returns><see langword="false"/> if no resting order has this id (nothing happens).</returns>
    public bool Cancel(long orderId, IMatchListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        if (!_index.Remove(orderId, out var slot))
        {
            return false;
        }

        var remaining = _orders[slot].Remaining;
        Unlink(slot);
        FreeOrder(slot);
        listener.OnCancelled(orderId, remaining, CancelReason.User);
        return true;
    }

    /// <summary>
    /// Sets a resting order's price and remaining quantity. It keeps its time priority when the price is unchanged and
    /// the quantity does not grow (Kraken AmendOrder); otherwise it goes to the back of the new level and, if it now
    /// crosses, first matches as a taker with its own self-trade prevention mode (a post-only order that would take is
    /// <see cref="AmendStatus.Rejected"/> and stays unchanged). On success the listener gets any fills and then
    /// <see cref="IMatchListener.OnRested"/> with the new remaining quantity (or a cancel by self-trade prevention).
    /// </summary>
    /// <param name="orderId">The order.</param>
    /// <param name="newPrice">The new limit price in ticks.</param>
    /// <param name="newRemaining">The new remaining (unfilled) quantity in lots.</param>
    /// <param name="listener">Receives the events.</param>
    /// <returns>The outcome.</returns>
    public AmendStatus Amend(long orderId, long newPrice, long newRemaining, IMatchListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        if (!_index.TryGetValue(orderId, out var slot))
        {
            return AmendStatus.UnknownOrder;
        }

        if (newRemaining <= 0 || newPrice <= 0)
        {
            return AmendStatus.Rejected;
        }

        ref var o = ref _orders[slot];
        if (newPrice == o.Price && newRemaining <= o.Remaining)
        {
            _levels[o.Level].Quantity -= o.Remaining - newRemaining;
            o.Remaining = newRemaining;
            listener.OnRested(orderId, newRemaining);
            return AmendStatus.Amended;
        }

        var side = o.Side;
        var crosses = Crosses(side, newPrice);
        if (crosses && o.PostOnly)
        {
            return AmendStatus.Rejected;
        }

        Unlink(slot);
        var remaining = newRemaining;
        if (crosses)
        {
            var owner = o.Owner;
            var takerAccount = o.Account;
            var selfTrade = o.SelfTrade;
            remaining = Take(orderId, owner, takerAccount, side, market: false, newPrice, newRemaining, selfTrade, listener, out var stopped);
            if (remaining == 0 || stopped)
            {
                _index.Remove(orderId);
                FreeOrder(slot);
                if (remaining > 0)
                {
                    listener.OnCancelled(orderId, remaining, CancelReason.SelfTrade);
                }

                return AmendStatus.Amended;
            }
        }

        Rest(slot, newPrice, remaining);
        listener.OnRested(orderId, remaining);
        return AmendStatus.Amended;
    }

    /// <summary>Empties the book (for a caller rebuilding it from its store). Raises no events.</summary>
    public void Clear()
    {
        _bids.Clear();
        _asks.Clear();
        _index.Clear();
        _ordersUsed = 0;
        _freeOrder = None;
        _levelsUsed = 0;
        _freeLevel = None;
    }

    private void Validate(in NewOrder order)
    {
        if (order.Quantity <= 0)
        {
            throw new ArgumentException($"Order {order.OrderId}: the quantity must be positive.", nameof(order));
        }

        if (order.Kind == OrderKind.Limit && order.Price <= 0)
        {
            throw new ArgumentException($"Order {order.OrderId}: a limit price must be positive.", nameof(order));
        }

        if (order.Kind == OrderKind.Market && order.PostOnly)
        {
            throw new ArgumentException($"Order {order.OrderId}: a market order cannot be post-only.", nameof(order));
        }

        if (_index.ContainsKey(order.OrderId))
        {
            throw new ArgumentException($"Order {order.OrderId} already rests on {Symbol}.", nameof(order));
        }
    }
}
