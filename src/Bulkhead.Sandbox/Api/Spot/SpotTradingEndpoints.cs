using System.Globalization;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>
/// <c>AddOrder</c>, <c>AddOrderBatch</c>, <c>AmendOrder</c>, <c>EditOrder</c>, <c>CancelOrder</c>, <c>CancelAll</c>,
/// <c>CancelAllOrdersAfter</c>: order entry on the Spot books through the exchange's trading core.
/// </summary>
internal static class SpotTradingEndpoints
{
    private const int MaxBatch = 15;

    public static SpotAnswer AddOrder(SpotCall call)
    {
        var (request, pair, error) = SpotOrderArguments.Parse(call.Account.Name, name => call.Parameters[name], call.Time);
        if (request is null)
        {
            return error!;
        }

        var placed = call.Exchange.PlaceOrder(request);
        if (!placed.Success)
        {
            return SpotOrderWire.Error(placed.Rejection.Value, placed.Detail, pair);
        }

        var order = placed.Value.Order;
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("descr");
            w.WriteString("order", SpotOrderWire.Description(order));
            w.WriteEndObject();
            if (!request.ValidateOnly)
            {
                w.WriteStartArray("txid");
                w.WriteStringValue(order.Id);
                w.WriteEndArray();
            }

            w.WriteEndObject();
        });
    }

    /// <summary>Kraken's batch: 2 to 15 orders on one pair, as ccxt sends them (JSON body, <c>orders</c> an array of objects).</summary>
    public static SpotAnswer AddOrderBatch(SpotCall call)
    {
        if (call.Parameters["pair"] is not { Length: > 0 } pairName)
        {
            return KrakenErrors.InvalidArguments + ":pair";
        }

        if (call.Parameters["orders"] is not { Length: > 0 } ordersJson || ReadBatch(ordersJson) is not { Count: >= 2 and <= MaxBatch } items)
        {
            return KrakenErrors.InvalidArguments + ":orders";
        }

        var validate = call.Parameters["validate"] is "true" or "1";
        var requests = new List<(SandboxOrderRequest Request, SandboxPair Pair)>(items.Count);
        foreach (var item in items)
        {
            var (request, pair, error) = SpotOrderArguments.Parse(call.Account.Name, name => name == "pair" ? pairName : name == "validate" ? (validate ? "true" : null) : item.GetValueOrDefault(name), call.Time);
            if (request is null)
            {
                return error!;
            }

            requests.Add((request, pair!));
        }

        var results = new List<(SandboxOrder? Order, string? Error)>(requests.Count);
        foreach (var (request, pair) in requests)
        {
            var placed = call.Exchange.PlaceOrder(request);
            results.Add(placed.Success ? (placed.Value.Order, null) : (null, SpotOrderWire.Error(placed.Rejection.Value, placed.Detail, pair)));
        }

        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("orders");
            foreach (var (order, error) in results)
            {
                w.WriteStartObject();
                if (order is not null)
                {
                    w.WriteStartObject("descr");
                    w.WriteString("order", SpotOrderWire.Description(order));
                    w.WriteEndObject();
                    if (!validate)
                    {
                        w.WriteString("txid", order.Id);
                    }
                }
                else
                {
                    w.WriteString("error", error);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Kraken AmendOrder: <c>txid</c> or <c>cl_ord_id</c>, <c>order_qty</c>, <c>limit_price</c> → <c>{amend_id}</c>; the txid stays.</summary>
    public static SpotAnswer AmendOrder(SpotCall call)
    {
        if (Resolve(call) is not { } order)
        {
            return KrakenErrors.UnknownOrder;
        }

        decimal? volume = null, price = null;
        if (call.Parameters["order_qty"] is { } qtyText)
        {
            if (!SpotParameters.TryAmount(qtyText, out var q))
            {
                return KrakenErrors.InvalidArguments + ":order_qty";
            }

            volume = q;
        }

        if (call.Parameters["limit_price"] is { } priceText)
        {
            if (!SpotParameters.TryAmount(priceText, out var p))
            {
                return KrakenErrors.InvalidArguments + ":limit_price";
            }

            price = p;
        }

        if (volume is null && price is null)
        {
            return KrakenErrors.InvalidArguments;
        }

        var amended = call.Exchange.AmendOrder(call.Account.Name, order.Id, volume, price);
        if (!amended.Success)
        {
            return SpotOrderWire.Error(amended.Rejection.Value, amended.Detail, PairCatalog.Find(order.Symbol));
        }

        var amendId = SandboxExchange.NewId('T');
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("amend_id", amendId);
            w.WriteEndObject();
        });
    }

    /// <summary>Kraken EditOrder: <c>txid</c>, <c>pair</c>, <c>volume</c>, <c>price</c>, <c>userref</c> → a new order replacing the original.</summary>
    public static SpotAnswer EditOrder(SpotCall call)
    {
        var p = call.Parameters;
        if (p["pair"] is not { Length: > 0 } pairName)
        {
            return KrakenErrors.InvalidArguments + ":pair";
        }

        if (PairCatalog.Find(pairName) is not { } pair)
        {
            return KrakenErrors.UnknownAssetPair;
        }

        if (Resolve(call) is not { } order || order.Symbol != pair.Id)
        {
            return KrakenErrors.UnknownOrder;
        }

        decimal? volume = null, price = null;
        long? userref = null;
        if (p["volume"] is { } volumeText)
        {
            if (!SpotParameters.TryAmount(volumeText, out var v))
            {
                return KrakenErrors.InvalidArguments + ":volume";
            }

            volume = v;
        }

        if (p["price"] is { } priceText)
        {
            if (!SpotParameters.TryAmount(priceText, out var pr))
            {
                return KrakenErrors.InvalidArguments + ":price";
            }

            price = pr;
        }

        if (p["userref"] is { Length: > 0 } userrefText)
        {
            if (!int.TryParse(userrefText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var u))
            {
                return KrakenErrors.InvalidArguments + ":userref";
            }

            userref = u;
        }

        var edited = call.Exchange.EditOrder(call.Account.Name, order.Id, volume, price, userref);
        if (!edited.Success)
        {
            return SpotOrderWire.Error(edited.Rejection.Value, edited.Detail, pair);
        }

        var replacement = edited.Value.Order;
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("descr");
            w.WriteString("order", SpotOrderWire.Description(replacement));
            w.WriteEndObject();
            w.WriteString("txid", replacement.Id);
            w.WriteString("originaltxid", order.Id);
            w.WriteString("volume", SpotOrderWire.Fixed(replacement.Volume, pair.LotDecimals));
            w.WriteString("price", SpotOrderWire.Fixed(replacement.Price ?? 0m, pair.PairDecimals));
            w.WriteString("price2", SpotOrderWire.Fixed(0m, pair.PairDecimals));
            w.WriteNumber("orders_cancelled", 1);
            w.WriteString("status", "ok");
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// Kraken CancelOrder: <c>txid</c> (a txid, a userref, or a cl_ord_id) or <c>cl_ord_id</c> → <c>{count}</c> and
    /// nothing else, as Kraken answers (Kraken.Net's fixture; a <c>pending</c> field breaks its parser).
    /// </summary>
    public static SpotAnswer CancelOrder(SpotCall call)
    {
        var account = call.Account.Name;
        var txid = call.Parameters["txid"];
        var clientId = call.Parameters["cl_ord_id"];
        Func<SandboxOrder, bool> which;
        if (clientId is { Length: > 0 } && txid is null)
        {
            which = o => o.ClientOrderId == clientId;
        }
        else if (txid is { Length: > 0 } && clientId is null)
        {
            var ids = txid.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            which = int.TryParse(txid, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var userref)
                ? o => o.UserRef == userref
                : o => ids.Contains(o.Id) || (o.ClientOrderId is { } c && ids.Contains(c));
        }
        else
        {
            return KrakenErrors.InvalidArguments + ":txid";
        }

        var cancelled = call.Exchange.CancelOrders(account, which);
        if (!cancelled.Success)
        {
            return SpotOrderWire.Error(cancelled.Rejection.Value, cancelled.Detail, null);
        }

        if (cancelled.Value.Count == 0)
        {
            return KrakenErrors.UnknownOrder;
        }

        return Count(cancelled.Value.Count);
    }

    /// <summary>Kraken CancelAll → <c>{count}</c>.</summary>
    public static SpotAnswer CancelAll(SpotCall call)
    {
        var cancelled = call.Exchange.CancelAll(call.Account.Name, TradingVenue.Spot);
        return cancelled.Success ? Count(cancelled.Value.Count) : SpotOrderWire.Error(cancelled.Rejection.Value, cancelled.Detail, null);
    }

    /// <summary>Kraken CancelAllOrdersAfter: <c>timeout</c> seconds (0 disarms) → <c>{currentTime, triggerTime}</c> (ISO 8601; <c>"0"</c> when off).</summary>
    public static SpotAnswer CancelAllOrdersAfter(SpotCall call)
    {
        if (!int.TryParse(call.Parameters["timeout"], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 86_400)
        {
            return KrakenErrors.InvalidArguments + ":timeout";
        }

        var armed = call.Exchange.SetDeadMansSwitch(call.Account.Name, TradingVenue.Spot, TimeSpan.FromSeconds(seconds));
        if (!armed.Success)
        {
            return KrakenErrors.InvalidArguments + ":timeout";
        }

        var state = armed.Value;
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("currentTime", Iso(state.CurrentTime));
            w.WriteString("triggerTime", state.TriggerTime is { } trigger ? Iso(trigger) : "0");
            w.WriteEndObject();
        });
    }

    private static SandboxOrder? Resolve(SpotCall call) =>
        SpotOrderLookup.Open(call.Exchange, call.Account.Name, call.Parameters["txid"] ?? call.Parameters["cl_ord_id"]);

    private static List<Dictionary<string, string>>? ReadBatch(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var orders = new List<Dictionary<string, string>>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var value = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString() ?? string.Empty,
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        JsonValueKind.Number => property.Value.GetRawText(),
                        _ => null,
                    };
                    if (value is not null && !fields.TryAdd(property.Name, value))
                    {
                        return null;
                    }
                }

                orders.Add(fields);
            }

            return orders;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SpotAnswer Count(int count) => SpotAnswer.Ok(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("count", count);
        w.WriteEndObject();
    });

    /// <summary>The dead man's switch times as Kraken writes them: ISO 8601 to the second.</summary>
    internal static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
