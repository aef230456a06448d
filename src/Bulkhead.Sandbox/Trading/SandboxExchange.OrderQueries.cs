using Bulkhead.Sandbox.Trading;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

/// <summary>Reads of orders and trades (snapshots: lists the caller owns).</summary>
public sealed partial class SandboxExchange
{
    /// <summary>An account's open orders, oldest first, optionally on one venue.</summary>
    public IReadOnlyList<SandboxOrder> OpenOrders(string account, TradingVenue? venue = null)
    {
        lock (_gate)
        {
            return [.. OpenOrdersLocked(account).Where(o => venue is null || o.Venue == venue)];
        }
    }

    /// <summary>An account's closed, cancelled and expired orders, most recently closed first, optionally on one venue.</summary>
    public IReadOnlyList<SandboxOrder> ClosedOrders(string account, TradingVenue? venue = null)
    {
        lock (_gate)
        {
            return [.. OrdersLocked(account).Where(o => !o.IsOpen && (venue is null || o.Venue == venue))
                .OrderByDescending(o => o.ClosedAt).ThenByDescending(o => o.EngineId)];
        }
    }

    /// <summary>One of an account's orders by txid, open or not; null if it has none with that id.</summary>
    public SandboxOrder? FindOrder(string account, string orderId)
    {
        lock (_gate)
        {
            return _orders.TryGetValue(orderId, out var order) && order.Account == account ? order : null;
        }
    }

    /// <summary>An account's trades, newest first, optionally on one venue.</summary>
    public IReadOnlyList<SandboxTrade> Trades(string account, TradingVenue? venue = null)
    {
        lock (_gate)
        {
            return _tradesByAccount.TryGetValue(account, out var trades)
                ? [.. Enumerable.Reverse(trades).Where(t => venue is null || t.Venue == venue)]
                : [];
        }
    }

    /// <summary>The trades of one order, oldest first.</summary>
    public IReadOnlyList<SandboxTrade> TradesOfOrder(string orderId)
    {
        lock (_gate)
        {
            return _tradesByOrder.TryGetValue(orderId, out var trades) ? [.. trades] : [];
        }
    }

    /// <summary>Every order of every account (system ones too), in placement order.</summary>
    public IReadOnlyList<SandboxOrder> AllOrders()
    {
        lock (_gate)
        {
            return [.. _orders.Values.OrderBy(o => o.EngineId)];
        }
    }

    /// <summary>Every trade (both sides of every fill), in booking order.</summary>
    public IReadOnlyList<SandboxTrade> AllTrades()
    {
        lock (_gate)
        {
            return [.. _trades];
        }
    }

    /// <summary>The best bid and ask of a book in price units (null where the side is empty).</summary>
    public (decimal? Bid, decimal? Ask) BestPrices(TradingVenue venue, string symbol)
    {
        lock (_gate)
        {
            if (CanonicalSymbol(venue, symbol) is not { } id || ScaleOf(venue, id) is not { } scale || !_books.TryGetValue(id, out var book))
            {
                return (null, null);
            }

            return (book.TryGetBestBid(out var bid) ? scale.ToPrice(bid) : null, book.TryGetBestAsk(out var ask) ? scale.ToPrice(ask) : null);
        }
    }

    /// <summary>A book's aggregated levels (best first) in price and quantity units, for depth endpoints.</summary>
    public (IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> Bids, IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> Asks) Depth(TradingVenue venue, string symbol, int levels)
    {
        lock (_gate)
        {
            if (CanonicalSymbol(venue, symbol) is not { } id || ScaleOf(venue, id) is not { } scale || !_books.TryGetValue(id, out var book))
            {
                return ([], []);
            }

            var bids = new List<Matching.BookLevel>();
            var asks = new List<Matching.BookLevel>();
            book.GetDepth(Math.Max(0, levels), bids, asks);
            return ([.. bids.Select(l => (scale.ToPrice(l.Price), scale.ToQuantity(l.Quantity), l.Orders))],
                [.. asks.Select(l => (scale.ToPrice(l.Price), scale.ToQuantity(l.Quantity), l.Orders))]);
        }
    }

    /// <summary>
    /// The resting orders of a book's best <paramref name="levels"/> price levels per side (best level first, each level's
    /// orders in queue order) with their txids, remaining quantities and priorities, for the order-by-order feed.
    /// </summary>
    public (IReadOnlyList<Market.BookOrder> Bids, IReadOnlyList<Market.BookOrder> Asks) LevelOrders(TradingVenue venue, string symbol, int levels)
    {
        lock (_gate)
        {
            if (CanonicalSymbol(venue, symbol) is not { } id || ScaleOf(venue, id) is not { } scale || !_books.TryGetValue(id, out var book))
            {
                return ([], []);
            }

            var bids = new List<Matching.RestingOrder>();
            var asks = new List<Matching.RestingOrder>();
            book.GetLevelOrders(Math.Max(0, levels), bids, asks);
            return ([.. bids.Select(Public)], [.. asks.Select(Public)]);

            Market.BookOrder Public(Matching.RestingOrder resting)
            {
                var order = _openByEngineId[resting.OrderId];
                return new Market.BookOrder(order.Id, scale.ToPrice(resting.Price), scale.ToQuantity(resting.Remaining), resting.Sequence, order.OpenedAt);
            }
        }
    }

    private IEnumerable<SandboxOrder> OrdersLocked(string account) =>
        _ordersByAccount.TryGetValue(account, out var ids) ? ids.Select(id => _orders[id]) : [];

    private static readonly SortedDictionary<long, SandboxOrder> NoOpenOrders = [];

    private SortedDictionary<long, SandboxOrder>.ValueCollection OpenOrdersLocked(string account) =>
        (_openByAccount.TryGetValue(account, out var open) ? open : NoOpenOrders).Values;
}
