using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Trading;

/// <summary>Reads of orders, trades and books (lists the caller owns, except where said).</summary>
internal sealed partial class TradingCore
{
    private static readonly SortedDictionary<long, SandboxOrder> NoOpenOrders = [];

    /// <summary>Every order by txid, latest version (retention reads it).</summary>
    internal IReadOnlyDictionary<string, SandboxOrder> Orders => _orders;

    /// <summary>Each account's txids in placement order (retention reads them).</summary>
    internal IReadOnlyDictionary<string, List<string>> OrderIdsByAccount => _ordersByAccount;

    /// <summary>Every trade in booking order (retention reads it).</summary>
    internal IReadOnlyList<SandboxTrade> AllTradesView => _trades;

    /// <summary>Each account's trades in booking order (retention reads them).</summary>
    internal IReadOnlyDictionary<string, List<SandboxTrade>> TradesByAccount => _tradesByAccount;

    /// <summary>Each order's trades in booking order (retention reads them).</summary>
    internal IReadOnlyDictionary<string, List<SandboxTrade>> TradesByOrder => _tradesByOrder;

    /// <summary>An account's open orders, oldest first (a live view: copy before committing).</summary>
    public SortedDictionary<long, SandboxOrder>.ValueCollection OpenOf(string account) =>
        (_openByAccount.TryGetValue(account, out var open) ? open : NoOpenOrders).Values;

    /// <summary>Every order of an account, open or not, in placement order.</summary>
    public IEnumerable<SandboxOrder> OrdersOf(string account) =>
        _ordersByAccount.TryGetValue(account, out var ids) ? ids.Select(id => _orders[id]) : [];

    /// <summary>An order by txid (any account), or null.</summary>
    public SandboxOrder? Find(string orderId) => _orders.GetValueOrDefault(orderId);

    /// <summary>An account's trades, newest first, optionally on one venue.</summary>
    public List<SandboxTrade> TradesOf(string account, TradingVenue? venue) =>
        _tradesByAccount.TryGetValue(account, out var trades) ? [.. Enumerable.Reverse(trades).Where(t => venue is null || t.Venue == venue)] : [];

    /// <summary>The trades of one order, oldest first.</summary>
    public List<SandboxTrade> TradesOfOrder(string orderId) => _tradesByOrder.TryGetValue(orderId, out var trades) ? [.. trades] : [];

    /// <summary>Every order of every account (system ones too), in placement order.</summary>
    public List<SandboxOrder> AllOrders() => [.. _orders.Values.OrderBy(o => o.EngineId)];

    /// <summary>Every trade (both sides of every fill), in booking order.</summary>
    public List<SandboxTrade> AllTrades() => [.. _trades];

    /// <summary>The best bid and ask of a book in price units (null where the side is empty).</summary>
    public (decimal? Bid, decimal? Ask) BestPrices(TradingVenue venue, string symbol)
    {
        if (CanonicalSymbol(venue, symbol) is not { } id || ScaleOf(venue, id) is not { } scale || !_books.TryGetValue(id, out var book))
        {
            return (null, null);
        }

        return (book.TryGetBestBid(out var bid) ? scale.ToPrice(bid) : null, book.TryGetBestAsk(out var ask) ? scale.ToPrice(ask) : null);
    }

    /// <summary>A book's aggregated levels (best first) in price and quantity units.</summary>
    public (List<(decimal Price, decimal Quantity, int Orders)> Bids, List<(decimal Price, decimal Quantity, int Orders)> Asks) Depth(TradingVenue venue, string symbol, int levels)
    {
        if (CanonicalSymbol(venue, symbol) is not { } id || ScaleOf(venue, id) is not { } scale || !_books.TryGetValue(id, out var book))
        {
            return ([], []);
        }

        var bids = new List<BookLevel>();
        var asks = new List<BookLevel>();
        book.GetDepth(Math.Max(0, levels), bids, asks);
        return ([.. bids.Select(l => (scale.ToPrice(l.Price), scale.ToQuantity(l.Quantity), l.Orders))],
            [.. asks.Select(l => (scale.ToPrice(l.Price), scale.ToQuantity(l.Quantity), l.Orders))]);
    }

    /// <summary>The resting orders of a book's best <paramref name="levels"/> price levels per side, each level in queue order.</summary>
    public (List<BookOrder> Bids, List<BookOrder> Asks) LevelOrders(TradingVenue venue, string symbol, int levels)
    {
        if (CanonicalSymbol(venue, symbol) is not { } id || ScaleOf(venue, id) is not { } scale || !_books.TryGetValue(id, out var book))
        {
            return ([], []);
        }

        var bids = new List<RestingOrder>();
        var asks = new List<RestingOrder>();
        book.GetLevelOrders(Math.Max(0, levels), bids, asks);
        return ([.. bids.Select(Public)], [.. asks.Select(Public)]);

        BookOrder Public(RestingOrder resting)
        {
            var order = _openByEngineId[resting.OrderId];
            return new BookOrder(order.Id, scale.ToPrice(resting.Price), scale.ToQuantity(resting.Remaining), resting.Sequence, order.OpenedAt);
        }
    }

    /// <summary>Appends the public side (the taker's) of every fill committed after <paramref name="afterSequence"/>; answers the last trade sequence seen.</summary>
    public long PublicFillsAfter(long afterSequence, List<PublicFill> into)
    {
        int lo = 0, hi = _trades.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_trades[mid].Sequence <= afterSequence)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var last = afterSequence;
        for (var i = lo; i < _trades.Count; i++)
        {
            var trade = _trades[i];
            last = trade.Sequence;
            if (!trade.IsMaker)
            {
                into.Add(new PublicFill(trade.Symbol, trade.Time, trade.Price, trade.Volume, trade.Side == Side.Buy, trade.Kind == OrderKind.Market));
            }
        }

        return last;
    }
}
