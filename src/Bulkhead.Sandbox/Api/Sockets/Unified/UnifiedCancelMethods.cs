using System.Globalization;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// Unified cancels for derivatives — <c>cancel_order</c>, <c>batch_cancel</c>, <c>cancel_all</c>,
/// <c>cancel_all_orders_after</c> — on the domain operations Futures REST uses. Order ids are UUIDs (websocket.md §12:
/// "Derivatives order IDs must be UUIDs"); <c>order_userref</c> does not exist on derivatives.
/// </summary>
internal static class UnifiedCancelMethods
{
    private const int BatchMin = 2;
    private const int BatchMax = 50;

    /// <summary>
    /// <c>cancel_order</c> (<c>order_id[]</c> or <c>cl_ord_id[]</c>, not both): every id is resolved first — an unknown
    /// one refuses the request with nothing cancelled — then one response per cancelled order, <c>{order_id, cl_ord_id?}</c>.
    /// </summary>
    public static void CancelOrder(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "CancelOrder", assetClass: true, "order_id", "cl_ord_id", "order_userref") is not { } account)
        {
            return;
        }

        if (call.Has("order_userref"))
        {
            call.Fail(SocketErrors.NotAvailableForDerivatives("params.order_userref"));
            return;
        }

        var ids = call.Strings("order_id", out var idsOk);
        var clientIds = call.Strings("cl_ord_id", out var clientOk);
        if (!idsOk || !clientOk || (ids is null) == (clientIds is null))
        {
            call.Fail(SocketErrors.InvalidField(!clientOk ? "params.cl_ord_id" : "params.order_id"));
            return;
        }

        var orders = Resolve(call, account.Name, ids ?? [], clientIds ?? []);
        if (orders is null)
        {
            return;
        }

        foreach (var order in orders)
        {
            var result = call.Hub.Exchange.CancelFuturesOrder(account.Name, order.Id);
            if (!UnifiedWire.Accepted(result))
            {
                call.Fail(UnifiedWire.Error(result.Verdict));
                continue;
            }

            call.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteString("order_id", FuturesOrderIds.OrderUid(order.Id));
                if (order.ClientOrderId is { } clientId)
                {
                    w.WriteString("cl_ord_id", clientId);
                }

                w.WriteEndObject();
            });
        }
    }

    /// <summary><c>batch_cancel</c> (<c>orders[]</c> UUIDs and/or <c>cl_ord_id[]</c>, 2–50 in all) → <c>{count}</c> of orders cancelled.</summary>
    public static void BatchCancel(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "CancelOrderBatch", assetClass: true, "orders", "cl_ord_id") is not { } account)
        {
            return;
        }

        var ids = call.Strings("orders", out var idsOk);
        var clientIds = call.Strings("cl_ord_id", out var clientOk);
        var total = (ids?.Count ?? 0) + (clientIds?.Count ?? 0);
        if (!idsOk || !clientOk || total is < BatchMin or > BatchMax)
        {
            call.Fail(SocketErrors.InvalidField(!clientOk ? "params.cl_ord_id" : "params.orders"));
            return;
        }

        if (Resolve(call, account.Name, ids ?? [], clientIds ?? []) is not { } orders)
        {
            return;
        }

        var count = orders.Count(order => call.Hub.Exchange.CancelFuturesOrder(account.Name, order.Id).Verdict == FuturesOrderVerdict.Cancelled);
        call.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", count);
            w.WriteEndObject();
        });
    }

    /// <summary><c>cancel_all</c> → <c>{count}</c>: every open derivatives order of the token's account.</summary>
    public static void CancelAll(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "CancelAll", assetClass: true) is not { } account)
        {
            return;
        }

        var cancelled = call.Hub.Exchange.CancelAllFuturesOrders(account.Name);
        call.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", cancelled.Count);
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// <c>cancel_all_orders_after</c> (<c>timeout</c> seconds, 0 disarms) → <c>{currentTime, triggerTime}</c>: the dead
    /// man's switch of the account's derivatives orders (<c>asset_class</c> optional, as on Spot's page).
    /// </summary>
    public static void CancelAllOrdersAfter(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "CancelAllOrdersAfter", assetClass: false, "timeout") is not { } account)
        {
            return;
        }

        var timeout = call.Integer("timeout", out var ok);
        if (!ok || timeout is null or < 0 or > 86_400)
        {
            call.Fail(SocketErrors.InvalidField("params.timeout"));
            return;
        }

        var armed = call.Hub.Exchange.SetDeadMansSwitch(account.Name, TradingVenue.Futures, TimeSpan.FromSeconds(timeout.Value));
        if (!armed.Success)
        {
            call.Fail(SocketErrors.InvalidField("params.timeout"));
            return;
        }

        call.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("currentTime", Seconds(armed.Value!.CurrentTime));
            w.WriteString("triggerTime", armed.Value.TriggerTime is { } trigger ? Seconds(trigger) : "0");
            w.WriteEndObject();
        });
    }

    /// <summary>The account's orders named by UUID or client id; null after answering the first id that is not one of its orders.</summary>
    private static List<SandboxOrder>? Resolve(SocketCall call, string account, IReadOnlyList<string> ids, IReadOnlyList<string> clientIds)
    {
        var orders = new List<SandboxOrder>();
        foreach (var id in ids)
        {
            if (!Guid.TryParseExact(id, "D", out _))
            {
                call.Fail(KrakenErrors.InvalidArguments + ":order_id");
                return null;
            }

            if (FuturesOrderIds.Find(call.Hub.Exchange, account, id) is not { } order)
            {
                call.Fail(KrakenErrors.UnknownOrder);
                return null;
            }

            orders.Add(order);
        }

        foreach (var clientId in clientIds)
        {
            if (call.Hub.Exchange.FindFuturesOrderByClientId(account, clientId) is not { } order)
            {
                call.Fail(KrakenErrors.UnknownOrder);
                return null;
            }

            orders.Add(order);
        }

        return orders;
    }

    private static string Seconds(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
