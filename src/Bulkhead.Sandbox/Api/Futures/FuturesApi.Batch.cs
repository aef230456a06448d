using System.Text.Json;
using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Microsoft.AspNetCore.Http;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Futures;

public static partial class FuturesApi
{
    /// <summary>The most instructions one <c>batchorder</c> takes (ccxt's cap; Kraken's own is UNCONFIRMED).</summary>
    private const int MaxBatch = 100;

    /// <summary>
    /// <c>batchorder</c>: <c>json={"batchOrder":[…]}</c> with <c>send</c>, <c>edit</c> and <c>cancel</c> instructions, run in
    /// order, each on its own (one failing does not undo the others). Answers <c>batchStatus[]</c>.
    /// </summary>
    private static IResult BatchOrder(FuturesCall call)
    {
        if (call.Request.Json is not { } json)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesRequiredArgumentMissing);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesJsonParseError);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("batchOrder", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return FuturesWire.Error(call.Time, KrakenErrors.FuturesRequiredArgumentMissing);
            }

            if (list.GetArrayLength() > MaxBatch)
            {
                return FuturesWire.Error(call.Time, $"{KrakenErrors.FuturesInvalidArgument}: batchOrder");
            }

            var received = FuturesWire.Time(call.Time.GetUtcNow());
            var statuses = new JsonArray();
            foreach (var instruction in list.EnumerateArray())
            {
                statuses.Add(Instruction(call, instruction, received));
            }

            return FuturesWire.Success(call.Time, new JsonObject { ["batchStatus"] = statuses });
        }
    }

    private static JsonObject Instruction(FuturesCall call, JsonElement instruction, string received)
    {
        var get = FuturesOrderParser.Getter(instruction);
        JsonObject status;
        switch (get("order"))
        {
            case "send":
                var (command, error, refusal) = FuturesOrderParser.Parse(call.Account.Name, get);
                status = command is null
                    ? new JsonObject { ["status"] = refusal ?? (error ?? KrakenErrors.FuturesInvalidArgument).Split(':')[0], ["orderEvents"] = new JsonArray() }
                    : Sent(call.Exchange.PlaceFuturesOrder(command), received);
                status["order_tag"] = get("order_tag");
                break;
            case "edit":
                var (edited, before) = Edit(call, get("order_id") ?? get("orderId"), get("cliOrdId"), get("size"), get("limitPrice"), get("qtyMode"));
                status = edited is null
                    ? new JsonObject { ["status"] = KrakenErrors.FuturesRequiredArgumentMissing, ["orderEvents"] = new JsonArray() }
                    : EditStatus(edited, before, received);
                break;
            case "cancel":
                status = get("order_id") is null && get("cliOrdId") is null
                    ? new JsonObject { ["status"] = KrakenErrors.FuturesRequiredArgumentMissing, ["orderEvents"] = new JsonArray() }
                    : Cancel(call, get("order_id"), get("cliOrdId"), received);
                break;
            default:
                status = new JsonObject { ["status"] = KrakenErrors.FuturesOrderInvalidOrderType, ["orderEvents"] = new JsonArray() };
                break;
        }

        status.Remove("receivedTime");
        status["dateTimeReceived"] = received;
        return status;
    }

    /// <summary>
    /// <c>orders/status</c>: the named orders (<c>orderIds</c> UUIDs or txids, <c>cliOrdIds</c>) with Kraken's order
    /// states. The sandbox answers for any of the account's orders, not only those open or finished in the last 5 seconds.
    /// </summary>
    private static IResult OrdersStatus(FuturesCall call)
    {
        var ids = call.Request.Values("orderIds");
        var clientIds = call.Request.Values("cliOrdIds");
        var found = ids.Select(id => Resolve(call, id, null)).Concat(clientIds.Select(id => Resolve(call, null, id)))
            .OfType<SandboxOrder>().DistinctBy(o => o.Id).ToList();
        return FuturesWire.Success(call.Time, new JsonObject
        {
            ["orders"] = new JsonArray([.. found.Select(o => (JsonNode)OrderState(call, o))]),
        });
    }

    private static JsonObject OrderState(FuturesCall call, SandboxOrder order)
    {
        var trades = call.Exchange.TradesOfOrder(order.Id);
        var json = FuturesOrderWire.Order(order, order.Executed, FuturesOrderWire.LastUpdate(order, trades));
        json["type"] = "ORDER";
        json["priceTriggerOptions"] = null;
        json["triggerTime"] = null;
        var (status, reason, error) = order switch
        {
            { IsOpen: true } => ("ENTERED_BOOK", order.Executed > 0m ? "PARTIAL_FILL" : "NEW_USER_ORDER", (string?)null),
            _ when order.Executed >= order.Volume => ("FULLY_EXECUTED", "FULL_FILL", null),
            { Reason: CancelReasons.PostOnly } => ("REJECTED", "POST_WOULD_EXECUTE", "POST_WOULD_EXECUTE"),
            { Reason: CancelReasons.ImmediateOrCancel, Executed: 0m } => ("REJECTED", "IOC_WOULD_NOT_EXECUTE", "IOC_WOULD_NOT_EXECUTE"),
            { Reason: CancelReasons.SelfTrade } => ("CANCELLED", "SELF_TRADE", null),
            { Reason: CancelReasons.DeadMansSwitch } => ("CANCELLED", "DEAD_MAN_SWITCH", null),
            { Reason: SandboxExchange.LiquidationReason } => ("CANCELLED", "LIQUIDATION", null),
            { Reason: CancelReasons.ImmediateOrCancel or CancelReasons.NoLiquidity } => ("CANCELLED", "IOC_ORDER_FAILED_BECAUSE_OF_NO_LIQUIDITY", null),
            _ => ("CANCELLED", "CANCELLED_BY_USER", null),
        };
        return new JsonObject { ["order"] = json, ["status"] = status, ["updateReason"] = reason, ["error"] = error };
    }
}
