using System.Text.Json;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Events;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets.Spot;

/// <summary>
/// The <c>executions</c> items (websocket.md §6): an order version change becomes its events — a new order
/// <c>pending_new</c> then <c>new</c>, an amend <c>amended</c>, each fill <c>trade</c>, the close <c>filled</c>,
/// <c>canceled</c> or <c>expired</c>. Every item carries <c>order_id</c> and <c>symbol</c> (ccxt merges updates by
/// symbol and order id); the terms (<c>order_qty</c>, <c>limit_price</c>, …) come with <c>pending_new</c>, <c>amended</c>
/// and the snapshot, the running totals (<c>cum_qty</c>, <c>cum_cost</c>, <c>avg_price</c>) with every order event.
/// </summary>
internal static class ExecutionWriter
{
    /// <summary>The events of one order change, each written by one action, in order.</summary>
    /// <param name="change">The order version and the one it replaced.</param>
    /// <param name="trades">This order's fills in the same commit, oldest first.</param>
    /// <param name="allStatuses">Kraken's <c>order_status</c>: false streams only new, trades, filled, canceled, expired.</param>
    /// <param name="time">The commit's time.</param>
    /// <param name="rateCount">The trading counter to include (<c>ratecounter</c>), or null.</param>
    public static List<Action<Utf8JsonWriter>> Events(OrderChange change, IReadOnlyList<SandboxTrade> trades, bool allStatuses, DateTimeOffset time, decimal? rateCount)
    {
        var (previous, order) = (change.Previous, change.Current);
        var events = new List<Action<Utf8JsonWriter>>(4);
        if (previous is null)
        {
            if (allStatuses)
            {
                events.Add(w => Order(w, order, "pending_new", "pending_new", time, 0m, 0m, terms: true, rateCount));
            }

            var refusedAtOnce = !order.IsOpen && order.Executed == 0 && order.Reason is CancelReasons.PostOnly or CancelReasons.SelfTrade;
            if (!refusedAtOnce)
            {
                events.Add(w => Order(w, order, "new", "new", time, 0m, 0m, terms: !allStatuses, rateCount));
            }
        }
        else if (allStatuses && previous.IsOpen && (previous.Price != order.Price || previous.Volume != order.Volume))
        {
            events.Add(w => Order(w, order, "amended", OpenStatus(previous), time, previous.Executed, previous.Cost, terms: true, rateCount, x => x.WriteBoolean("amended", true)));
        }

        var executed = previous?.Executed ?? 0m;
        var cost = previous?.Cost ?? 0m;
        foreach (var trade in trades)
        {
            executed += trade.Volume;
            cost += trade.Cost;
            var (cumQty, cumCost) = (executed, cost);
            events.Add(w => Trade(w, trade, order, cumQty >= order.Volume ? "filled" : "partially_filled", cumQty, cumCost));
        }

        if ((previous is null || previous.IsOpen) && !order.IsOpen)
        {
            var type = order.Status switch
            {
                SandboxOrderStatus.Closed => "filled",
                SandboxOrderStatus.Expired => "expired",
                _ => "canceled",
            };
            events.Add(w => Order(w, order, type, type, time, order.Executed, order.Cost, terms: false, rateCount, x =>
            {
                if (order.Reason is { } reason && type != "filled")
                {
                    x.WriteString("reason", reason);
                    x.WriteString("cancel_reason", reason);
                }
            }));
        }

        return events;
    }

    /// <summary>An open order in the snapshot: <c>exec_type: new</c>, its status, terms and totals.</summary>
    public static void SnapshotOrder(Utf8JsonWriter w, SandboxOrder order, decimal? rateCount) =>
        Order(w, order, "new", OpenStatus(order), order.OpenedAt, order.Executed, order.Cost, terms: true, rateCount);

    /// <summary>A past fill in the snapshot (<c>snap_trades</c>).</summary>
    public static void SnapshotTrade(Utf8JsonWriter w, SandboxTrade trade) => Trade(w, trade, null, null, null, null);

    private static string OpenStatus(SandboxOrder order) => order.Executed > 0 ? "partially_filled" : "new";

    private static void Order(Utf8JsonWriter w, SandboxOrder order, string execType, string status, DateTimeOffset time, decimal executed, decimal cost, bool terms, decimal? rateCount, Action<Utf8JsonWriter>? extra = null)
    {
        var instrument = SocketInstrument.OfId(order.Symbol)!;
        var pair = PairCatalog.Find(order.Symbol)!;
        w.WriteStartObject();
        w.WriteString("exec_type", execType);
        w.WriteString("order_id", order.Id);
        w.WriteString("symbol", instrument.Symbol);
        w.WriteString("side", order.Side == Side.Buy ? "buy" : "sell");
        w.WriteNumber("order_userref", order.UserRef ?? 0);
        if (order.ClientOrderId is { } clientId)
        {
            w.WriteString("cl_ord_id", clientId);
        }

        w.WriteString("order_status", status);
        w.WriteString("timestamp", SocketFrames.Time(time));
        if (terms)
        {
            w.WriteString("order_type", order.Kind == OrderKind.Limit ? "limit" : "market");
            w.WriteNumber("order_qty", order.Volume, instrument.QtyDecimals);
            if (order.Price is { } price)
            {
                w.WriteNumber("limit_price", price, instrument.PriceDecimals);
                w.WriteString("limit_price_type", "static");
            }

            w.WriteString("time_in_force", order.ExpiresAt is not null ? "GTD" : order.TimeInForce == TimeInForce.ImmediateOrCancel ? "IOC" : "GTC");
            if (order.ExpiresAt is { } expires)
            {
                w.WriteString("expire_time", SocketFrames.Time(expires));
            }

            w.WriteBoolean("post_only", order.Flags.HasFlag(SandboxOrderConditions.PostOnly));
            w.WriteBoolean("no_mpp", order.Flags.HasFlag(SandboxOrderConditions.NoMarketPriceProtection));
            w.WriteString("fee_ccy_pref", order.Flags.HasFlag(SandboxOrderConditions.FeeInBase) ? "fcib" : "fciq");
        }

        w.WriteNumber("cum_qty", executed, instrument.QtyDecimals);
        w.WriteNumber("cum_cost", cost, pair.CostDecimals);
        w.WriteNumber("avg_price", executed == 0 ? 0m : cost / executed, instrument.PriceDecimals);
        if (rateCount is { } count)
        {
            w.WriteNumber("ratecount", count, 2);
        }

        extra?.Invoke(w);
        w.WriteEndObject();
    }

    private static void Trade(Utf8JsonWriter w, SandboxTrade trade, SandboxOrder? order, string? status, decimal? cumQty, decimal? cumCost)
    {
        var instrument = SocketInstrument.OfId(trade.Symbol)!;
        var pair = PairCatalog.Find(trade.Symbol)!;
        var feeDecimals = AssetCatalog.Find(trade.FeeAsset)?.Decimals ?? pair.CostDecimals;
        w.WriteStartObject();
        w.WriteString("exec_type", "trade");
        w.WriteString("order_id", trade.OrderId);
        w.WriteString("exec_id", trade.Id);
        w.WriteNumber("trade_id", trade.Sequence);
        w.WriteString("symbol", instrument.Symbol);
        w.WriteString("side", trade.Side == Side.Buy ? "buy" : "sell");
        w.WriteString("order_type", trade.Kind == OrderKind.Limit ? "limit" : "market");
        w.WriteNumber("last_qty", trade.Volume, instrument.QtyDecimals);
        w.WriteNumber("last_price", trade.Price, instrument.PriceDecimals);
        w.WriteNumber("cost", trade.Cost, pair.CostDecimals);
        w.WriteString("liquidity_ind", trade.IsMaker ? "m" : "t");
        w.WriteStartArray("fees");
        w.WriteStartObject();
        w.WriteString("asset", SocketInstrument.AssetName(trade.FeeAsset));
        w.WriteNumber("qty", trade.Fee, feeDecimals);
        w.WriteEndObject();
        w.WriteEndArray();
        if (order is not null)
        {
            w.WriteNumber("order_userref", order.UserRef ?? 0);
            if (order.ClientOrderId is { } clientId)
            {
                w.WriteString("cl_ord_id", clientId);
            }

            w.WriteString("order_status", status);
            w.WriteNumber("cum_qty", cumQty!.Value, instrument.QtyDecimals);
            w.WriteNumber("cum_cost", cumCost!.Value, pair.CostDecimals);
            w.WriteNumber("avg_price", cumQty.Value == 0 ? 0m : cumCost.Value / cumQty.Value, instrument.PriceDecimals);
        }

        w.WriteString("timestamp", SocketFrames.Time(trade.Time));
        w.WriteEndObject();
    }
}
