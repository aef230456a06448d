using System.Text.Json.Nodes;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>
/// Futures orders, fills and positions on the wire (futures.md §6.2–6.11). Kraken's Futures ids are UUIDs
/// (<see cref="FuturesOrderIds"/>, shared with the Unified WebSocket).
/// </summary>
internal static class FuturesOrderWire
{
    /// <summary>The <c>order_id</c> of an order (<see cref="FuturesOrderIds"/>).</summary>
    public static string OrderUid(string txid) => FuturesOrderIds.OrderUid(txid);

    /// <summary>The <c>fill_id</c> of one side of a fill (<see cref="FuturesOrderIds"/>).</summary>
    public static string FillUid(SandboxTrade trade) => FuturesOrderIds.FillUid(trade);

    /// <summary>Kraken's <c>type</c> of an order in events: <c>lmt</c>, <c>post</c>, <c>ioc</c> (also <c>mkt</c>), <c>liquidation</c>.</summary>
    public static string Type(SandboxOrder order) => order switch
    {
        { Reason: SandboxExchange.LiquidationReason, Kind: OrderKind.Market } => "liquidation",
        _ when order.Flags.HasFlag(SandboxOrderConditions.PostOnly) => "post",
        { TimeInForce: TimeInForce.ImmediateOrCancel } => "ioc",
        _ => "lmt",
    };

    /// <summary><c>buy</c> / <c>sell</c>.</summary>
    public static string Side(Side side) => side == Matching.Side.Buy ? "buy" : "sell";

    /// <summary>When the order last changed: closed, last fill, or placed.</summary>
    public static DateTimeOffset LastUpdate(SandboxOrder order, IReadOnlyList<SandboxTrade> trades) =>
        order.ClosedAt ?? (trades.Count > 0 ? trades[^1].Time : order.OpenedAt);

    /// <summary>An order inside events (<c>OrderJson</c>), with <paramref name="filled"/> as of the event.</summary>
    public static JsonObject Order(SandboxOrder order, decimal filled, DateTimeOffset lastUpdate) => new()
    {
        ["orderId"] = OrderUid(order.Id),
        ["cliOrdId"] = order.ClientOrderId,
        ["type"] = Type(order),
        ["symbol"] = order.Symbol,
        ["side"] = Side(order.Side),
        ["quantity"] = FuturesWire.Number(order.Volume),
        ["filled"] = FuturesWire.Number(filled),
        ["limitPrice"] = order.Price is { } price ? FuturesWire.Number(price) : null,
        ["reduceOnly"] = order.ReduceOnly,
        ["timestamp"] = FuturesWire.Time(order.OpenedAt),
        ["lastUpdateTimestamp"] = FuturesWire.Time(lastUpdate),
    };

    /// <summary><c>openOrders[]</c> item.</summary>
    public static JsonObject OpenOrder(SandboxOrder order, DateTimeOffset lastUpdate)
    {
        var item = new JsonObject { ["order_id"] = OrderUid(order.Id) };
        if (order.ClientOrderId is { } clientId)
        {
            item["cliOrdId"] = clientId;
        }

        item["status"] = order.Executed > 0m ? "partiallyFilled" : "untouched";
        item["side"] = Side(order.Side);
        item["orderType"] = "lmt";
        item["symbol"] = order.Symbol;
        item["limitPrice"] = FuturesWire.Number(order.Price ?? 0m);
        item["filledSize"] = FuturesWire.Number(order.Executed);
        item["unfilledSize"] = FuturesWire.Number(order.Remaining);
        item["reduceOnly"] = order.ReduceOnly;
        item["lastUpdateTime"] = FuturesWire.Time(lastUpdate);
        item["receivedTime"] = FuturesWire.Time(order.OpenedAt);
        return item;
    }

    /// <summary><c>fills[]</c> item.</summary>
    public static JsonObject Fill(SandboxTrade trade, SandboxOrder? order)
    {
        var item = new JsonObject
        {
            ["fill_id"] = FillUid(trade),
            ["symbol"] = trade.Symbol,
            ["side"] = Side(trade.Side),
            ["order_id"] = OrderUid(trade.OrderId),
        };
        if (order?.ClientOrderId is { } clientId)
        {
            item["cliOrdId"] = clientId;
        }

        item["size"] = FuturesWire.Number(trade.Volume);
        item["price"] = FuturesWire.Number(trade.Price);
        item["fillTime"] = FuturesWire.Time(trade.Time);
        item["fillType"] = order?.Reason == SandboxExchange.LiquidationReason && order.Kind == OrderKind.Market ? "liquidation" : trade.IsMaker ? "maker" : "taker";
        return item;
    }

    /// <summary><c>openPositions[]</c> item (plus <c>unrealizedPnl</c>, a newer field clients may read).</summary>
    public static JsonObject Position(FuturesPosition position, decimal mark, decimal unrealisedFunding) => new()
    {
        ["side"] = position.Size > 0m ? "long" : "short",
        ["symbol"] = position.Symbol,
        ["price"] = FuturesWire.Number(decimal.Round(position.EntryPrice, 8)),
        ["fillTime"] = FuturesWire.Time(position.LastFillTime),
        ["size"] = FuturesWire.Number(Math.Abs(position.Size)),
        ["unrealizedFunding"] = FuturesWire.Number(unrealisedFunding),
        ["pnlCurrency"] = "USD",
        ["unrealizedPnl"] = FuturesWire.Number(decimal.Round(position.UnrealisedPnl(mark), 8)),
    };

    /// <summary>The events of a new order: an <c>EXECUTION</c> per fill, then <c>PLACE</c> if it rests, or a <c>REJECT</c>.</summary>
    public static JsonArray SendEvents(FuturesOrderResult result)
    {
        var events = new JsonArray();
        if (result.Order is not { } order)
        {
            return events;
        }

        var last = LastUpdate(order, result.Trades);
        if (result.Verdict is FuturesOrderVerdict.PostWouldExecute or FuturesOrderVerdict.IocWouldNotExecute)
        {
            events.Add(new JsonObject
            {
                ["type"] = "REJECT",
                ["uid"] = OrderUid(order.Id),
                ["order"] = Order(order, 0m, last),
                ["reason"] = result.Verdict == FuturesOrderVerdict.PostWouldExecute ? "POST_WOULD_EXECUTE" : "IOC_WOULD_NOT_EXECUTE",
            });
            return events;
        }

        var filled = 0m;
        foreach (var trade in result.Trades)
        {
            events.Add(new JsonObject
            {
                ["type"] = "EXECUTION",
                ["executionId"] = FillUid(trade),
                ["price"] = FuturesWire.Number(trade.Price),
                ["amount"] = FuturesWire.Number(trade.Volume),
                ["orderPriorEdit"] = null,
                ["orderPriorExecution"] = Order(order, filled, trade.Time),
                ["takerReducedQuantity"] = null,
            });
            filled += trade.Volume;
        }

        if (order.IsOpen)
        {
            events.Add(new JsonObject
            {
                ["type"] = "PLACE",
                ["order"] = Order(order, order.Executed, last),
                ["reducedQuantity"] = result.ReducedQuantity is { } reduced ? FuturesWire.Number(reduced) : null,
            });
        }

        return events;
    }

    /// <summary>A <c>CANCEL</c> event.</summary>
    public static JsonObject CancelEvent(SandboxOrder order) => new()
    {
        ["type"] = "CANCEL",
        ["uid"] = OrderUid(order.Id),
        ["order"] = Order(order, order.Executed, order.ClosedAt ?? order.OpenedAt),
    };

    /// <summary>The status word of a verdict (<c>placed</c>, <c>insufficientAvailableFunds</c>, …).</summary>
    public static string Status(FuturesOrderVerdict verdict) => verdict switch
    {
        FuturesOrderVerdict.AlreadyFilled => "filled",
        _ => JsonNamingPolicyCamel(verdict.ToString()),
    };

    private static string JsonNamingPolicyCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
