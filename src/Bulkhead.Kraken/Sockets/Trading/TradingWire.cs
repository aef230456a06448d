using System.Globalization;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets.Internal;
using Bulkhead.Kraken.Sockets.Market;
using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Sockets.Trading;

/// <summary>
/// The trading methods' wire fields (websocket.md §7; Unified in docs/sandbox.md): the parameters written and the results
/// read. Amounts are written as JSON numbers from the decimals' own digits (never through a double).
/// </summary>
internal static class TradingWire
{
    /// <summary>Writes one order's fields; <paramref name="withSymbol"/> is false inside a <c>batch_add</c>.</summary>
    public static void Order(Utf8JsonWriter w, SocketOrderRequest order, string clientOrderId, bool withSymbol)
    {
        w.WriteString("order_type", order.OrderType == SocketOrderType.Limit ? "limit" : "market");
        w.WriteString("side", MarketWire.Wire(order.Side));
        w.WriteNumber("order_qty", order.Quantity);
        if (withSymbol)
        {
            w.WriteString("symbol", order.Symbol);
        }

        if (order.LimitPrice is { } price)
        {
            w.WriteNumber("limit_price", price);
        }

        if (order.TimeInForce != TimeInForce.GoodTillCancelled)
        {
            w.WriteString("time_in_force", order.TimeInForce == TimeInForce.ImmediateOrCancel ? "ioc" : "gtd");
        }

        if (order.ExpireTime is { } expire)
        {
            w.WriteString("expire_time", Time(expire));
        }

        if (order.PostOnly)
        {
            w.WriteBoolean("post_only", true);
        }

        if (order.ReduceOnly)
        {
            w.WriteBoolean("reduce_only", true);
        }

        w.WriteString("cl_ord_id", clientOrderId);
        if (order.UserReference is { } reference)
        {
            w.WriteNumber("order_userref", reference);
        }

        if (order.Deadline is { } deadline)
        {
            w.WriteString("deadline", Time(deadline));
        }
    }

    /// <summary>RFC 3339 in UTC with milliseconds.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static SocketOrderAck Placed(JsonElement result, string clientOrderId) => new(
        WireRead.OptionalText(result, "order_id") ?? string.Empty,
        WireRead.OptionalText(result, "cl_ord_id") ?? clientOrderId,
        WireRead.OptionalInteger(result, "order_userref"));

    public static IReadOnlyList<SocketBatchOrderResult> Batch(JsonElement result, IReadOnlyList<string> clientOrderIds)
    {
        if (result.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("the batch_add result is not an array");
        }

        var items = result.EnumerateArray().ToList();
        return [.. items.Select((item, i) =>
        {
            var clientOrderId = WireRead.OptionalText(item, "cl_ord_id") ?? (i < clientOrderIds.Count ? clientOrderIds[i] : string.Empty);
            var error = WireRead.OptionalText(item, "error");
            var orderId = WireRead.OptionalText(item, "order_id");
            return new SocketBatchOrderResult(
                error is null ? orderId ?? string.Empty : null,
                clientOrderId,
                WireRead.OptionalInteger(item, "order_userref"),
                error is null ? null : KrakenErrors.FromExchange(error));
        })];
    }

    public static SocketAmendAck Amended(JsonElement result) => new(
        WireRead.Text(result, "amend_id"),
        WireRead.OptionalText(result, "order_id"),
        WireRead.OptionalText(result, "cl_ord_id"));

    public static SocketEditAck Edited(JsonElement result) => new(WireRead.Text(result, "order_id"), WireRead.Text(result, "original_order_id"));

    public static int Count(JsonElement result) => checked((int)WireRead.Integer(result, "count"));

    public static DeadManSwitch DeadManSwitch(JsonElement result) => new(
        WireRead.OptionalTime(result, "currentTime") ?? throw new FormatException("'currentTime' is missing"),
        WireRead.OptionalText(result, "triggerTime") is { } trigger && trigger != "0" ? WireRead.OptionalTime(result, "triggerTime") : null);

    public static LeveragePreference Preference(JsonElement result)
    {
        var mode = result.TryGetProperty("leverage_mode", out var m) ? m : result;
        return new LeveragePreference(WireRead.Text(mode, "symbol"), WireRead.OptionalDecimal(mode, "max_leverage"));
    }
}
