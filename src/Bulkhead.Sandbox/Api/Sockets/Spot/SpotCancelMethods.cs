using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Spot;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets.Spot;

/// <summary>
/// <c>cancel_order</c>, <c>cancel_all</c>, <c>cancel_all_orders_after</c> and <c>batch_cancel</c> through the domain
/// operations REST CancelOrder, CancelAll, CancelAllOrdersAfter and CancelOrderBatch use (one dead man's switch per
/// account and venue, whichever API armed it).
/// </summary>
internal static class SpotCancelMethods
{
    private const int MinBatch = 2;
    private static readonly string[] CancelFields = ["order_id", "cl_ord_id", "order_userref", "token"];
    private static readonly string[] Selectors = ["order_id", "cl_ord_id", "order_userref"];
    private static readonly string[] TokenOnly = ["token"];
    private static readonly string[] AfterFields = ["timeout", "token"];
    private static readonly string[] BatchFields = ["orders", "cl_ord_id", "token"];

    /// <summary>
    /// <c>cancel_order</c>: one of <c>order_id[]</c>, <c>cl_ord_id[]</c>, <c>order_userref[]</c>. Answers one frame per
    /// cancelled order (<c>{order_id}</c>, plus <c>cl_ord_id</c> when named by it), then one <c>EOrder:Unknown order</c>
    /// frame (echoing the id) per id that matched no open order; all carry the request's <c>req_id</c>.
    /// </summary>
    public static void CancelOrder(SocketCall call)
    {
        if (!call.CheckParams(CancelFields) || !SocketParams.Authorized(call, "CancelOrder", out var account))
        {
            return;
        }

        var named = Selectors.Where(call.Has).ToList();
        if (named.Count != 1)
        {
            call.Fail(KrakenErrors.InvalidArguments + ":" + (named.Count == 0 ? "order_id" : named[1]));
            return;
        }

        var field = named[0];
        if (Ids(call.Params.GetProperty(field), numbers: field == "order_userref") is not { } ids)
        {
            call.Fail(KrakenErrors.InvalidArguments + ":" + field);
            return;
        }

        Func<SandboxOrder, string?> key = field switch
        {
            "order_id" => o => o.Id,
            "cl_ord_id" => o => o.ClientOrderId,
            _ => o => o.UserRef?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var cancelled = call.Hub.Exchange.CancelOrders(account, o => o.Venue == TradingVenue.Spot && key(o) is { } k && wanted.Contains(k));
        if (!cancelled.Success)
        {
            call.Fail(SpotSocketOrderFields.Error(cancelled.Rejection.Value, cancelled.Detail, null));
            return;
        }

        foreach (var order in cancelled.Value)
        {
            call.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteString("order_id", order.Id);
                if (field == "cl_ord_id")
                {
                    w.WriteString("cl_ord_id", order.ClientOrderId);
                }

                w.WriteEndObject();
            });
        }

        var matched = cancelled.Value.Select(key).ToHashSet(StringComparer.Ordinal);
        foreach (var id in ids.Where(i => !matched.Contains(i)).Distinct(StringComparer.Ordinal))
        {
            call.Fail(KrakenErrors.UnknownOrder, w =>
            {
                w.WriteStartObject();
                if (field == "order_userref")
                {
                    w.WritePropertyName(field);
                    w.WriteRawValue(id);
                }
                else
                {
                    w.WriteString(field, id);
                }

                w.WriteEndObject();
            });
        }
    }

    /// <summary><c>cancel_all</c> → <c>{count}</c> (the account's open Spot orders).</summary>
    public static void CancelAll(SocketCall call)
    {
        if (!call.CheckParams(TokenOnly) || !SocketParams.Authorized(call, "CancelAll", out var account))
        {
            return;
        }

        var cancelled = call.Hub.Exchange.CancelAll(account, TradingVenue.Spot);
        if (!cancelled.Success)
        {
            call.Fail(SpotSocketOrderFields.Error(cancelled.Rejection.Value, cancelled.Detail, null));
            return;
        }

        Count(call, cancelled.Value.Count);
    }

    /// <summary><c>cancel_all_orders_after</c>: <c>timeout</c> seconds (0 disarms) → <c>{currentTime, triggerTime}</c> as REST writes them.</summary>
    public static void CancelAllOrdersAfter(SocketCall call)
    {
        if (!call.CheckParams(AfterFields) || !SocketParams.Authorized(call, "CancelAllOrdersAfter", out var account))
        {
            return;
        }

        var seconds = call.Integer("timeout", out var ok);
        if (!ok || seconds is not (>= 0 and <= 86_400))
        {
            call.Fail(KrakenErrors.InvalidArguments + ":timeout");
            return;
        }

        var armed = call.Hub.Exchange.SetDeadMansSwitch(account, TradingVenue.Spot, TimeSpan.FromSeconds(seconds.Value));
        if (!armed.Success)
        {
            call.Fail(KrakenErrors.InvalidArguments + ":timeout");
            return;
        }

        var state = armed.Value;
        call.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("currentTime", SpotTradingEndpoints.Iso(state.CurrentTime));
            w.WriteString("triggerTime", state.TriggerTime is { } trigger ? SpotTradingEndpoints.Iso(trigger) : "0");
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// <c>batch_cancel</c>: <c>orders[]</c> (txids or userrefs as strings) and/or <c>cl_ord_id[]</c>, 2 to 50 in all →
    /// <c>{count}</c>; the same selection as REST CancelOrderBatch, so nothing matched is <c>EOrder:Unknown order</c>.
    /// </summary>
    public static void BatchCancel(SocketCall call)
    {
        if (!call.CheckParams(BatchFields) || !SocketParams.Authorized(call, "CancelOrderBatch", out var account))
        {
            return;
        }

        var ids = call.Strings("orders", out var okIds) ?? [];
        var clientIds = call.Strings("cl_ord_id", out var okClients) ?? [];
        if (!okIds || !okClients || ids.Count + clientIds.Count is < MinBatch or > SpotCancelBatchEndpoint.MaxIds)
        {
            call.Fail(KrakenErrors.InvalidArguments + ":orders");
            return;
        }

        var cancelled = call.Hub.Exchange.CancelOrders(account, SpotCancelBatchEndpoint.Matching(ids, clientIds));
        if (!cancelled.Success)
        {
            call.Fail(SpotSocketOrderFields.Error(cancelled.Rejection.Value, cancelled.Detail, null));
            return;
        }

        if (cancelled.Value.Count == 0)
        {
            call.Fail(KrakenErrors.UnknownOrder);
            return;
        }

        Count(call, cancelled.Value.Count);
    }

    private static void Count(SocketCall call, int count) =>
        call.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", count);
            w.WriteEndObject();
        });

    /// <summary>A non-empty array of non-empty strings (or, for userrefs, integers); null when malformed.</summary>
    private static List<string>? Ids(JsonElement value, bool numbers)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is 0 or > SpotCancelBatchEndpoint.MaxIds)
        {
            return null;
        }

        var ids = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (numbers ? item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out _) : item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 })
            {
                return null;
            }

            ids.Add(numbers ? item.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : item.GetString()!);
        }

        return ids;
    }
}
