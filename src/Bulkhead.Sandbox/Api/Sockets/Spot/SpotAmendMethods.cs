using System.Globalization;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Spot;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets.Spot;

/// <summary>
/// <c>amend_order</c> (in place, the ids stay) and <c>edit_order</c> (cancel and replace, a new id) through the domain
/// operations REST AmendOrder and EditOrder use.
/// </summary>
internal static class SpotAmendMethods
{
    private static readonly string[] AmendFields = ["order_id", "cl_ord_id", "order_qty", "limit_price", "post_only", "deadline", "token"];
    private static readonly string[] EditFields = ["order_id", "symbol", "order_qty", "limit_price", "order_userref", "deadline", "token"];

    /// <summary><c>amend_order</c>: <c>order_id</c> or <c>cl_ord_id</c>, <c>order_qty</c> and/or <c>limit_price</c> → <c>{amend_id, order_id | cl_ord_id}</c>.</summary>
    public static void AmendOrder(SocketCall call)
    {
        if (!call.CheckParams(AmendFields) || !SocketParams.Authorized(call, "AmendOrder", out var account))
        {
            return;
        }

        var p = call.Params;
        var orderId = SpotSocketOrderFields.Text(p, "order_id");
        var clientId = SpotSocketOrderFields.Text(p, "cl_ord_id");
        if ((orderId is null) == (clientId is null))
        {
            call.Fail(KrakenErrors.InvalidArguments + ":order_id");
            return;
        }

        if (SpotSocketOrderFields.Deadline(p, call.Hub.Time) is { } late)
        {
            call.Fail(late);
            return;
        }

        if (!TryAmount(p, "order_qty", out var volume, out var error) || !TryAmount(p, "limit_price", out var price, out error))
        {
            call.Fail(error);
            return;
        }

        var exchange = call.Hub.Exchange;
        var order = orderId is not null
            ? exchange.FindOrder(account, orderId) is { IsOpen: true, Venue: TradingVenue.Spot } found ? found : null
            : exchange.OpenOrders(account, TradingVenue.Spot).FirstOrDefault(o => o.ClientOrderId == clientId);
        if (order is null)
        {
            call.Fail(KrakenErrors.UnknownOrder);
            return;
        }

        var postOnly = call.Bool("post_only", order.Flags.HasFlag(SandboxOrderConditions.PostOnly), out var ok);
        if (!ok || postOnly != order.Flags.HasFlag(SandboxOrderConditions.PostOnly))
        {
            // The sandbox's amend keeps the order's flags: asking to change post_only is refused, not ignored.
            call.Fail(KrakenErrors.InvalidArguments + ":post_only");
            return;
        }

        if (volume is null && price is null)
        {
            call.Fail(KrakenErrors.InvalidArguments);
            return;
        }

        var amended = exchange.AmendOrder(account, order.Id, volume, price);
        if (!amended.Success)
        {
            call.Fail(SpotSocketOrderFields.Error(amended.Rejection.Value, amended.Detail, PairCatalog.Find(order.Symbol)));
            return;
        }

        var amendId = SandboxExchange.NewId('T');
        call.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("amend_id", amendId);
            w.WriteString(orderId is not null ? "order_id" : "cl_ord_id", orderId ?? clientId);
            w.WriteEndObject();
        });
    }

    /// <summary><c>edit_order</c>: <c>order_id</c>, <c>symbol</c>, <c>order_qty</c>, <c>limit_price</c>, <c>order_userref</c> → <c>{order_id, original_order_id}</c>.</summary>
    public static void EditOrder(SocketCall call)
    {
        if (!call.CheckParams(EditFields) || !SocketParams.Authorized(call, "EditOrder", out var account))
        {
            return;
        }

        var p = call.Params;
        if (SpotSocketOrderFields.Text(p, "symbol") is not { } symbol)
        {
            call.Fail(SocketErrors.InvalidField("params.symbol"));
            return;
        }

        if (SocketInstrument.Find(symbol, unified: false) is not { } instrument)
        {
            call.Fail(SocketErrors.PairNotSupported(symbol));
            return;
        }

        if (SpotSocketOrderFields.Deadline(p, call.Hub.Time) is { } late)
        {
            call.Fail(late);
            return;
        }

        var exchange = call.Hub.Exchange;
        if (SpotSocketOrderFields.Text(p, "order_id") is not { } orderId
            || exchange.FindOrder(account, orderId) is not { IsOpen: true, Venue: TradingVenue.Spot } order || order.Symbol != instrument.Id)
        {
            call.Fail(KrakenErrors.UnknownOrder);
            return;
        }

        if (!TryAmount(p, "order_qty", out var volume, out var error) || !TryAmount(p, "limit_price", out var price, out error))
        {
            call.Fail(error);
            return;
        }

        long? userref = null;
        if (SpotSocketOrderFields.Text(p, "order_userref") is { } userrefText)
        {
            if (!int.TryParse(userrefText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var u))
            {
                call.Fail(KrakenErrors.InvalidArguments + ":order_userref");
                return;
            }

            userref = u;
        }

        var edited = exchange.EditOrder(account, order.Id, volume, price, userref);
        if (!edited.Success)
        {
            call.Fail(SpotSocketOrderFields.Error(edited.Rejection.Value, edited.Detail, PairCatalog.Find(order.Symbol)));
            return;
        }

        var replacement = edited.Value.Order;
        call.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("order_id", replacement.Id);
            w.WriteString("original_order_id", order.Id);
            w.WriteEndObject();
        });
    }

    private static bool TryAmount(System.Text.Json.JsonElement fields, string name, out decimal? amount, out string error)
    {
        amount = null;
        error = string.Empty;
        if (SpotSocketOrderFields.Text(fields, name) is not { } text)
        {
            return true;
        }

        if (!SpotParameters.TryAmount(text, out var value))
        {
            error = KrakenErrors.InvalidArguments + ":" + name;
            return false;
        }

        amount = value;
        return true;
    }
}
