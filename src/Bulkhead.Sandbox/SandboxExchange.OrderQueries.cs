using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox;

/// <summary>Reads of orders, trades and books (snapshots: lists the caller owns).</summary>
public sealed partial class SandboxExchange
{
    /// <summary>An account's open orders, oldest first, optionally on one venue.</summary>
    public IReadOnlyList<SandboxOrder> OpenOrders(string account, TradingVenue? venue = null)
    {
        lock (_gate)
        {
            return [.. _trading.OpenOf(account).Where(o => venue is null || o.Venue == venue)];
        }
    }

    /// <summary>An account's closed, cancelled and expired orders, most recently closed first, optionally on one venue.</summary>
    public IReadOnlyList<SandboxOrder> ClosedOrders(string account, TradingVenue? venue = null)
    {
        lock (_gate)
        {
            return [.. _trading.OrdersOf(account).Where(o => !o.IsOpen && (venue is null || o.Venue == venue))
                .OrderByDescending(o => o.ClosedAt).ThenByDescending(o => o.EngineId)];
        }
    }

    /// <summary>One of an account's orders by txid, open or not; null if it has none with that id.</summary>
    public SandboxOrder? FindOrder(string account, string orderId)
    {
        lock (_gate)
        {
            return _trading.Find(orderId) is { } order && order.Account == account ? order : null;
        }
    }

    /// <summary>An account's trades, newest first, optionally on one venue.</summary>
    public IReadOnlyList<SandboxTrade> Trades(string account, TradingVenue? venue = null)
    {
        lock (_gate)
        {
            return _trading.TradesOf(account, venue);
        }
    }

    /// <summary>The trades of one order, oldest first.</summary>
    public IReadOnlyList<SandboxTrade> TradesOfOrder(string orderId)
    {
        lock (_gate)
        {
            return _trading.TradesOfOrder(orderId);
        }
    }

    /// <summary>Every order of every account (system ones too), in placement order.</summary>
    public IReadOnlyList<SandboxOrder> AllOrders()
    {
        lock (_gate)
        {
            return _trading.AllOrders();
        }
    }

    /// <summary>Every trade (both sides of every fill), in booking order.</summary>
    public IReadOnlyList<SandboxTrade> AllTrades()
    {
        lock (_gate)
        {
            return _trading.AllTrades();
        }
    }

    /// <summary>The best bid and ask of a book in price units (null where the side is empty).</summary>
    public (decimal? Bid, decimal? Ask) BestPrices(TradingVenue venue, string symbol)
    {
        lock (_gate)
        {
            return _trading.BestPrices(venue, symbol);
        }
    }

    /// <summary>A book's aggregated levels (best first) in price and quantity units, for depth endpoints.</summary>
    public (IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> Bids, IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> Asks) Depth(TradingVenue venue, string symbol, int levels)
    {
        lock (_gate)
        {
            return _trading.Depth(venue, symbol, levels);
        }
    }

    /// <summary>
    /// The resting orders of a book's best <paramref name="levels"/> price levels per side (best level first, each level's
    /// orders in queue order) with their txids, remaining quantities and priorities, for the order-by-order feed.
    /// </summary>
    public (IReadOnlyList<BookOrder> Bids, IReadOnlyList<BookOrder> Asks) LevelOrders(TradingVenue venue, string symbol, int levels)
    {
        lock (_gate)
        {
            return _trading.LevelOrders(venue, symbol, levels);
        }
    }
}
