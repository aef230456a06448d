using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Limits;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Microsoft.AspNetCore.Http;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Trading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Sandbox.Api.Futures;

public static partial class FuturesApi
{
    private static void MapOrders(RouteGroupBuilder v3)
    {
        v3.MapPost("sendorder", Handler(context => PrivateAsync(context, FuturesScope.Full, Cost("sendorder"), SendOrder)));
        v3.MapPost("editorder", Handler(context => PrivateAsync(context, FuturesScope.Full, Cost("editorder"), EditOrder)));
        v3.MapPost("cancelorder", Handler(context => PrivateAsync(context, FuturesScope.Full, Cost("cancelorder"), CancelOrder)));
        v3.MapPost("cancelallorders", Handler(context => PrivateAsync(context, FuturesScope.Full, Cost("cancelallorders"), CancelAllOrders)));
        v3.MapPost("cancelallordersafter", Handler(context => PrivateAsync(context, FuturesScope.Full, Cost("cancelallordersafter"), CancelAllOrdersAfter)));
        v3.MapPost("batchorder", Handler(context => PrivateAsync(context, FuturesScope.Full, BatchCost, BatchOrder)));
        v3.MapPost("orders/status", Handler(context => PrivateAsync(context, FuturesScope.Full, Cost("orders/status"), OrdersStatus)));
        v3.MapGet("orders/status", Handler(context => PrivateAsync(context, FuturesScope.Full, Cost("orders/status"), OrdersStatus)));
    }

    private static IResult SendOrder(FuturesCall call)
    {
        var received = FuturesWire.Time(call.Time.GetUtcNow());
        var (command, error, status) = FuturesOrderParser.Parse(call.Account.Name, name => call.Request[name]);
        if (error is not null)
        {
            return FuturesWire.Error(call.Time, error);
        }

        var sendStatus = command is null
            ? new JsonObject { ["status"] = status, ["receivedTime"] = received, ["orderEvents"] = new JsonArray() }
            : Sent(call.Exchange.PlaceFuturesOrder(command), received);
        return FuturesWire.Success(call.Time, new JsonObject { ["sendStatus"] = sendStatus });
    }

    /// <summary><c>sendStatus</c> (or a <c>batchStatus[]</c> send): status, <c>order_id</c> when the order exists, events.</summary>
    private static JsonObject Sent(FuturesOrderResult result, string received)
    {
        var sent = new JsonObject();
        if (result.Order is { } order)
        {
            sent["order_id"] = FuturesOrderWire.OrderUid(order.Id);
        }

        sent["status"] = FuturesOrderWire.Status(result.Verdict);
        sent["receivedTime"] = received;
        if (result.Order?.ClientOrderId is { } clientId)
        {
            sent["cliOrdId"] = clientId;
        }

        sent["orderEvents"] = FuturesOrderWire.SendEvents(result);
        return sent;
    }

    private static IResult EditOrder(FuturesCall call)
    {
        var received = FuturesWire.Time(call.Time.GetUtcNow());
        var (status, order) = Edit(call, call.Request["orderId"], call.Request["cliOrdId"], call.Request["size"], call.Request["limitPrice"], call.Request["qtyMode"]);
        if (status is null)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesRequiredArgumentMissing);
        }

        return FuturesWire.Success(call.Time, new JsonObject { ["editStatus"] = EditStatus(status, order, received) });
    }

    /// <summary>Runs one edit; a null status means no order was named.</summary>
    private static (FuturesOrderResult? Status, SandboxOrder? Order) Edit(FuturesCall call, string? orderId, string? clientId, string? sizeText, string? priceText, string? qtyMode)
    {
        if (string.IsNullOrEmpty(orderId) && string.IsNullOrEmpty(clientId))
        {
            return (null, null);
        }

        var order = Resolve(call, orderId, clientId);
        if (order is null || !order.IsOpen)
        {
            return (FuturesOrderResult.Refused(FuturesOrderVerdict.NotFound, "no such open order"), order);
        }

        var spec = InstrumentCatalog.Find(order.Symbol)!;
        decimal? open = null;
        if (sizeText is not null)
        {
            if (!WireAmount.TryParsePositive(sizeText, out var size) || decimal.Round(size, spec.QuantityDecimals) != size)
            {
                return (FuturesOrderResult.Refused(FuturesOrderVerdict.InvalidSize, "bad size"), order);
            }

            open = string.Equals(qtyMode, "ABSOLUTE", StringComparison.OrdinalIgnoreCase) ? size - order.Executed : size;
            if (open <= 0m)
            {
                return (FuturesOrderResult.Refused(FuturesOrderVerdict.InvalidSize, "the size does not exceed what already filled"), order);
            }
        }

        decimal? price = null;
        if (priceText is not null)
        {
            if (!WireAmount.TryParsePositive(priceText, out var limit) || decimal.Round(limit / spec.TickSize) * spec.TickSize != limit)
            {
                return (FuturesOrderResult.Refused(FuturesOrderVerdict.InvalidPrice, "bad limitPrice"), order);
            }

            price = limit;
        }

        return (call.Exchange.EditFuturesOrder(call.Account.Name, order.Id, open, price), order);
    }

    private static JsonObject EditStatus(FuturesOrderResult result, SandboxOrder? before, string received)
    {
        var status = new JsonObject
        {
            ["status"] = result.Verdict == FuturesOrderVerdict.NotFound ? KrakenErrors.FuturesOrderForEditNotFound : FuturesOrderWire.Status(result.Verdict),
        };
        if (before is not null)
        {
            status["orderId"] = FuturesOrderWire.OrderUid(before.Id);
            if (before.ClientOrderId is { } clientId)
            {
                status["cliOrdId"] = clientId;
            }
        }

        status["receivedTime"] = received;
        var events = new JsonArray();
        if (result.Verdict == FuturesOrderVerdict.Edited && before is not null && result.Order is { } after)
        {
            events.Add(new JsonObject
            {
                ["type"] = "EDIT",
                ["old"] = FuturesOrderWire.Order(before, before.Executed, before.OpenedAt),
                ["new"] = FuturesOrderWire.Order(after, after.Executed, FuturesOrderWire.LastUpdate(after, result.Trades)),
                ["reducedQuantity"] = null,
            });
        }

        status["orderEvents"] = events;
        return status;
    }

    private static IResult CancelOrder(FuturesCall call)
    {
        var received = FuturesWire.Time(call.Time.GetUtcNow());
        var orderId = call.Request["order_id"];
        var clientId = call.Request["cliOrdId"];
        if (string.IsNullOrEmpty(orderId) && string.IsNullOrEmpty(clientId))
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesRequiredArgumentMissing);
        }

        return FuturesWire.Success(call.Time, new JsonObject { ["cancelStatus"] = Cancel(call, orderId, clientId, received) });
    }

    private static JsonObject Cancel(FuturesCall call, string? orderId, string? clientId, string received)
    {
        var order = Resolve(call, orderId, clientId);
        var result = order is null
            ? FuturesOrderResult.Refused(FuturesOrderVerdict.NotFound, "no such order")
            : call.Exchange.CancelFuturesOrder(call.Account.Name, order.Id);
        // Kraken's fields only, none of them null: order_id when known or sent, cliOrdId when the order has one or the
        // caller cancelled by it.
        var status = new JsonObject { ["status"] = FuturesOrderWire.Status(result.Verdict) };
        if ((order is null ? orderId : FuturesOrderWire.OrderUid(order.Id)) is { Length: > 0 } uid)
        {
            status["order_id"] = uid;
        }

        status["receivedTime"] = received;
        if ((order is null ? clientId : order.ClientOrderId) is { Length: > 0 } cliOrdId)
        {
            status["cliOrdId"] = cliOrdId;
        }

        status["orderEvents"] = result.Verdict == FuturesOrderVerdict.Cancelled && result.Order is { } cancelled
            ? new JsonArray(FuturesOrderWire.CancelEvent(cancelled))
            : new JsonArray();
        return status;
    }

    private static IResult CancelAllOrders(FuturesCall call)
    {
        var symbol = call.Request["symbol"];
        var cancelled = call.Exchange.CancelAllFuturesOrders(call.Account.Name, symbol);
        return FuturesWire.Success(call.Time, new JsonObject
        {
            ["cancelStatus"] = new JsonObject
            {
                ["receivedTime"] = FuturesWire.Time(call.Time.GetUtcNow()),
                ["cancelOnly"] = symbol ?? "all",
                ["status"] = cancelled.Count > 0 ? "cancelled" : "noOrdersToCancel",
                ["cancelledOrders"] = new JsonArray([.. cancelled.Select(o => (JsonNode)CancelledOrder(o))]),
                ["orderEvents"] = new JsonArray([.. cancelled.Select(o => (JsonNode)FuturesOrderWire.CancelEvent(o))]),
            },
        });

        static JsonObject CancelledOrder(SandboxOrder order)
        {
            var item = new JsonObject { ["order_id"] = FuturesOrderWire.OrderUid(order.Id) };
            if (order.ClientOrderId is { } clientId)
            {
                item["cliOrdId"] = clientId;
            }

            return item;
        }
    }

    /// <summary>
    /// The dead man's switch on the trading core's mechanism (per account and venue): <c>timeout</c> seconds, 0 disarms
    /// (<c>triggerTime</c> <c>"0"</c>).
    /// </summary>
    private static IResult CancelAllOrdersAfter(FuturesCall call)
    {
        var text = call.Request["timeout"];
        if (text is null)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesRequiredArgumentMissing);
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return FuturesWire.Error(call.Time, $"{KrakenErrors.FuturesInvalidArgument}: timeout");
        }

        var armed = call.Exchange.SetDeadMansSwitch(call.Account.Name, TradingVenue.Futures, TimeSpan.FromSeconds(seconds));
        if (!armed.Success)
        {
            return FuturesWire.Error(call.Time, $"{KrakenErrors.FuturesInvalidArgument}: timeout");
        }

        return FuturesWire.Success(call.Time, new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["currentTime"] = FuturesWire.Time(armed.Value.CurrentTime),
                ["triggerTime"] = armed.Value.TriggerTime is { } trigger ? FuturesWire.Time(trigger) : "0",
            },
        });
    }

    /// <summary>An account's order named by <c>order_id</c> (the UUID, or the txid) or <c>cliOrdId</c>; null if none.</summary>
    private static SandboxOrder? Resolve(FuturesCall call, string? orderId, string? clientId)
    {
        var account = call.Account.Name;
        if (!string.IsNullOrEmpty(orderId))
        {
            return FuturesOrderIds.Find(call.Exchange, account, orderId);
        }

        return string.IsNullOrEmpty(clientId) ? null : call.Exchange.FindFuturesOrderByClientId(account, clientId);
    }

    private static decimal BatchCost(FuturesRequest request)
    {
        try
        {
            using var document = JsonDocument.Parse(request.Json ?? "{}");
            return document.RootElement.TryGetProperty("batchOrder", out var list) && list.ValueKind == JsonValueKind.Array
                ? FuturesLimits.BatchOrderCost(list.GetArrayLength())
                : FuturesLimits.BatchOrderCost(0);
        }
        catch (JsonException)
        {
            return FuturesLimits.BatchOrderCost(0);
        }
    }
}
