using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Bulkhead.Sandbox.Margin;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// Unified order entry for derivatives — <c>add_order</c>, <c>batch_add</c>, <c>amend_order</c> — on the domain
/// operations Futures REST uses (<see cref="SandboxExchange.PlaceFuturesOrder"/>, <see cref="SandboxExchange.EditFuturesOrder"/>),
/// parsed by the Futures REST parser (<see cref="FuturesOrderParser"/>) through <see cref="UnifiedWire.FuturesFields"/>.
/// </summary>
internal static class UnifiedOrderMethods
{
    /// <summary>Kraken's batch size on Spot (websocket.md §7 batch_add); the Unified figure is UNCONFIRMED.</summary>
    private const int BatchMin = 2;
    private const int BatchMax = 15;

    private static readonly string[] BooleanFields = ["post_only", "reduce_only", "validate"];

    /// <summary><c>add_order</c> → <c>{order_id, cl_ord_id?}</c>; <c>validate: true</c> checks and places nothing (<c>order_id</c> "").</summary>
    public static void AddOrder(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "AddOrder", assetClass: true, UnifiedWire.OrderFields) is not { } account)
        {
            return;
        }

        var (command, error) = Parse(call.Params, account.Name, symbol: null);
        if (command is null)
        {
            call.Fail(error!);
            return;
        }

        if (call.Bool("validate", false, out _))
        {
            call.Ok(w => Placed(w, string.Empty, command.ClientOrderId));
            return;
        }

        var result = call.Hub.Exchange.PlaceFuturesOrder(command);
        if (!UnifiedWire.Accepted(result))
        {
            call.Fail(UnifiedWire.Error(result.Verdict));
            return;
        }

        call.Ok(w => Placed(w, FuturesOrderIds.OrderUid(result.Order!.Id), result.Order.ClientOrderId));
    }

    /// <summary>
    /// <c>batch_add</c> (<c>symbol</c> for all, <c>orders[]</c> of 2–15): every order is parsed first and one bad order
    /// refuses the batch with nothing placed; then each is placed in turn, and the result lists each order's id, or its
    /// <c>error</c> when the exchange refused it.
    /// </summary>
    public static void BatchAdd(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "AddOrderBatch", assetClass: true, "symbol", "orders", "validate") is not { } account)
        {
            return;
        }

        var symbol = call.String("symbol", out var symbolOk);
        if (!symbolOk || symbol is null)
        {
            call.Fail(SocketErrors.InvalidField("params.symbol"));
            return;
        }

        if (!call.Params.TryGetProperty("orders", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is < BatchMin or > BatchMax)
        {
            call.Fail(SocketErrors.InvalidField("params.orders"));
            return;
        }

        var commands = new List<FuturesOrderCommand>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                call.Fail(SocketErrors.InvalidField("params.orders"));
                return;
            }

            foreach (var property in item.EnumerateObject())
            {
                if (property.Name is "symbol" or "token" or "asset_class" or "validate" || !UnifiedWire.OrderFields.Contains(property.Name))
                {
                    call.Fail(SocketErrors.UnsupportedField(property.Name));
                    return;
                }
            }

            var (command, error) = Parse(item, account.Name, symbol);
            if (command is null)
            {
                call.Fail(error!);
                return;
            }

            commands.Add(command);
        }

        if (call.Bool("validate", false, out _))
        {
            call.Ok(w => Items(w, commands.Select(c => (string.Empty, c.ClientOrderId, (string?)null))));
            return;
        }

        var placed = commands.Select(c => call.Hub.Exchange.PlaceFuturesOrder(c)).ToList();
        call.Ok(w => Items(w, placed.Select((r, i) => UnifiedWire.Accepted(r)
            ? (FuturesOrderIds.OrderUid(r.Order!.Id), r.Order.ClientOrderId, (string?)null)
            : (string.Empty, commands[i].ClientOrderId, UnifiedWire.Error(r.Verdict)))));
    }

    /// <summary>
    /// <c>amend_order</c> (<c>order_id</c> UUID or <c>cl_ord_id</c>; <c>order_qty</c> the new total quantity,
    /// <c>limit_price</c>) → <c>{amend_id, order_id, cl_ord_id?}</c>; in place, ids kept. A quantity at or below what
    /// already filled cancels the rest (Kraken's amend rule).
    /// </summary>
    public static void AmendOrder(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "AmendOrder", assetClass: true, "order_id", "cl_ord_id", "order_qty", "limit_price") is not { } account)
        {
            return;
        }

        var orderId = call.String("order_id", out var idOk);
        var clientId = call.String("cl_ord_id", out var clientOk);
        var quantity = call.Decimal("order_qty", out var qtyOk);
        var price = call.Decimal("limit_price", out var priceOk);
        if (!idOk || !clientOk || (orderId is null) == (clientId is null))
        {
            call.Fail(SocketErrors.InvalidField(orderId is null && clientId is null ? "params.order_id" : "params.cl_ord_id"));
            return;
        }

        if (!qtyOk || quantity <= 0m || !priceOk || price <= 0m || (quantity is null && price is null))
        {
            call.Fail(KrakenErrors.InvalidArguments + (!qtyOk || quantity <= 0m || (quantity is null && price is null) ? ":order_qty" : ":limit_price"));
            return;
        }

        var exchange = call.Hub.Exchange;
        var order = orderId is not null ? FuturesOrderIds.Find(exchange, account.Name, orderId) : exchange.FindFuturesOrderByClientId(account.Name, clientId!);
        if (order is null || !order.IsOpen)
        {
            call.Fail(KrakenErrors.UnknownOrder);
            return;
        }

        var result = quantity is { } total && total <= order.Executed
            ? exchange.CancelFuturesOrder(account.Name, order.Id)
            : exchange.EditFuturesOrder(account.Name, order.Id, quantity - order.Executed, price);
        if (!UnifiedWire.Accepted(result))
        {
            call.Fail(UnifiedWire.Error(result.Verdict));
            return;
        }

        call.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("amend_id", Guid.NewGuid().ToString());
            w.WriteString("order_id", FuturesOrderIds.OrderUid(order.Id));
            if (order.ClientOrderId is { } id)
            {
                w.WriteString("cl_ord_id", id);
            }

            w.WriteEndObject();
        });
    }

    /// <summary>Reads one order (the request's <c>params</c>, or a <c>batch_add</c> item with the batch's symbol).</summary>
    private static (FuturesOrderCommand? Command, string? Error) Parse(JsonElement order, string account, string? symbol)
    {
        symbol ??= order.TryGetProperty("symbol", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (symbol is null)
        {
            return (null, SocketErrors.InvalidField("params.symbol"));
        }

        if (SocketInstrument.Find(symbol, unified: true) is not { } instrument)
        {
            return (null, SocketErrors.PairNotSupported(symbol));
        }

        foreach (var name in BooleanFields)
        {
            if (order.TryGetProperty(name, out var flag) && flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (null, SocketErrors.InvalidField("params." + name));
            }
        }

        foreach (var name in (ReadOnlySpan<string>)["order_type", "side", "order_qty"])
        {
            if (!order.TryGetProperty(name, out var value) || value.ValueKind is JsonValueKind.Null)
            {
                return (null, SocketErrors.InvalidField("params." + name));
            }
        }

        if (UnifiedWire.FuturesFields(order) is not { } fields)
        {
            return (null, UnifiedWire.InvalidOrderType);
        }

        var (command, error, status) = FuturesOrderParser.Parse(account, name => name == "symbol" ? instrument.Id : fields(name));
        return command is null ? (null, UnifiedWire.ParserError(error, status)) : (command, null);
    }

    private static void Placed(Utf8JsonWriter w, string orderId, string? clientId)
    {
        w.WriteStartObject();
        w.WriteString("order_id", orderId);
        if (clientId is not null)
        {
            w.WriteString("cl_ord_id", clientId);
        }

        w.WriteEndObject();
    }

    private static void Items(Utf8JsonWriter w, IEnumerable<(string OrderId, string? ClientId, string? Error)> items)
    {
        w.WriteStartArray();
        foreach (var (orderId, clientId, error) in items)
        {
            w.WriteStartObject();
            if (error is null)
            {
                w.WriteString("order_id", orderId);
            }

            if (clientId is not null)
            {
                w.WriteString("cl_ord_id", clientId);
            }

            if (error is not null)
            {
                w.WriteString("error", error);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
