using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// The whole wire mapping of the Unified WebSocket's private surface — order fields in and out, execution events,
/// positions, margin, balances, ledgers, preferences, and the Kraken strings of refusals — in one place, because most of
/// Kraken's derivatives field lists are UNCONFIRMED (websocket.md §12): a correction is one edit here. Every decision is
/// written down in docs/sandbox.md, "WebSocket APIs → Unified private".
/// </summary>
internal static partial class UnifiedWire
{
    /// <summary>The <c>asset_class</c> every market-facing request carries.</summary>
    public const string Derivatives = "derivatives";

    /// <summary>The fields <c>add_order</c> (and each <c>batch_add</c> order) takes.</summary>
    public static readonly string[] OrderFields =
        ["asset_class", "symbol", "side", "order_type", "order_qty", "limit_price", "time_in_force", "post_only", "reduce_only", "cl_ord_id", "validate", "token"];

    /// <summary>
    /// An order's Unified fields as the Futures REST parser names them (<see cref="Futures.Internal.FuturesOrderParser"/>):
    /// <c>order_type</c> with <c>post_only</c>/<c>time_in_force</c> becomes <c>orderType</c> <c>lmt|post|ioc|mkt</c>,
    /// <c>order_qty</c> <c>size</c>, <c>limit_price</c> <c>limitPrice</c>, <c>cl_ord_id</c> <c>cliOrdId</c>. Null when the
    /// combination has no Futures order type (the caller answers <see cref="InvalidOrderType"/>).
    /// </summary>
    public static Func<string, string?>? FuturesFields(JsonElement order)
    {
        var get = Futures.Internal.FuturesOrderParser.Getter(order);
        var postOnly = get("post_only") == "true";
        var tif = get("time_in_force") ?? "gtc";
        string? orderType = (get("order_type"), tif, postOnly) switch
        {
            ("limit", "gtc", false) => "lmt",
            ("limit", "gtc", true) => "post",
            ("limit", "ioc", false) => "ioc",
            ("market", "gtc" or "ioc", false) when get("limit_price") is null => "mkt",
            _ => null,
        };
        if (orderType is null)
        {
            return null;
        }

        return name => name switch
        {
            "orderType" => orderType,
            "symbol" => get("symbol"),
            "side" => get("side"),
            "size" => get("order_qty"),
            "limitPrice" => get("limit_price"),
            "reduceOnly" => get("reduce_only"),
            "cliOrdId" => get("cl_ord_id"),
            _ => null,
        };
    }

    /// <summary>The error of an <c>order_type</c>/<c>time_in_force</c>/<c>post_only</c> combination the derivatives venue does not trade.</summary>
    public static string InvalidOrderType => KrakenErrors.InvalidArguments + ":order_type";

    /// <summary>
    /// The Kraken string of a Futures REST parser outcome (<c>invalidSize</c>, <c>invalidPrice</c>, …) — the parser's
    /// words mapped once to the v2 strings, so both APIs validate with the same code.
    /// </summary>
    public static string ParserError(string? error, string? status) => (error, status) switch
    {
        (not null, _) when error.EndsWith("symbol", StringComparison.Ordinal) => KrakenErrors.UnknownAssetPair,
        (not null, _) => KrakenErrors.InvalidArguments,
        (_, KrakenErrors.FuturesOrderInvalidOrderType) => InvalidOrderType,
        (_, KrakenErrors.FuturesOrderInvalidSide) => KrakenErrors.InvalidArguments + ":side",
        (_, KrakenErrors.FuturesOrderInvalidSize) => KrakenErrors.InvalidArguments + ":order_qty",
        (_, KrakenErrors.FuturesOrderInvalidPrice) => KrakenErrors.InvalidPrice,
        (_, KrakenErrors.FuturesOrderClientOrderIdTooLong) => KrakenErrors.InvalidArguments + ":cl_ord_id",
        _ => KrakenErrors.InvalidArguments,
    };

    /// <summary>
    /// True when a domain outcome answers success: the order exists (placed, filled, or created and at once cancelled —
    /// post-only that would take, IOC with nothing to fill, self-trade — which <c>executions</c> then reports).
    /// </summary>
    public static bool Accepted(FuturesOrderResult result) => result.Verdict switch
    {
        FuturesOrderVerdict.Placed or FuturesOrderVerdict.PartiallyFilled or FuturesOrderVerdict.Filled
            or FuturesOrderVerdict.Edited or FuturesOrderVerdict.Cancelled => true,
        FuturesOrderVerdict.PostWouldExecute or FuturesOrderVerdict.IocWouldNotExecute or FuturesOrderVerdict.SelfFill => result.Before is null && result.Order is not null,
        _ => false,
    };

    /// <summary>The Kraken string of a refused Futures order action (the one mapping of the domain's verdicts to v2 errors).</summary>
    public static string Error(FuturesOrderVerdict verdict) => verdict switch
    {
        FuturesOrderVerdict.InsufficientAvailableFunds => KrakenErrors.InsufficientFunds,
        FuturesOrderVerdict.WouldNotReducePosition => KrakenErrors.CannotOpenPosition,
        FuturesOrderVerdict.InvalidSize => KrakenErrors.InvalidArguments + ":order_qty",
        FuturesOrderVerdict.InvalidPrice => KrakenErrors.InvalidPrice,
        FuturesOrderVerdict.ClientOrderIdAlreadyExist => KrakenErrors.InvalidArguments + ":cl_ord_id",
        FuturesOrderVerdict.TooManyOrders => KrakenErrors.OrdersLimitExceeded,
        FuturesOrderVerdict.MaxPositionViolation => KrakenErrors.PositionsLimitExceeded,
        FuturesOrderVerdict.MarketSuspended => KrakenErrors.InvalidPermissions,
        FuturesOrderVerdict.NotFound => KrakenErrors.UnknownOrder,
        _ => KrakenErrors.InvalidOrder,
    };

    /// <summary>
    /// Kraken's v2 <c>order_status</c> of an order version; an IOC or market order closed with a part unfilled is
    /// <c>canceled</c> (the rest was cancelled), only a complete fill is <c>filled</c>.
    /// </summary>
    public static string Status(SandboxOrder order) => order.Status switch
    {
        SandboxOrderStatus.Open => order.Executed > 0m ? "partially_filled" : "new",
        SandboxOrderStatus.Closed when order.Executed >= order.Volume => "filled",
        SandboxOrderStatus.Expired => "expired",
        _ => "canceled",
    };

    /// <summary>
    /// One <c>executions</c> item. Every event carries the order's full description (not only what changed), so a client
    /// that does not merge by <c>order_id</c> still sees the whole order.
    /// </summary>
    public static void Execution(Utf8JsonWriter w, string execType, SandboxOrder order, decimal cumQty, string status, DateTimeOffset time, SandboxTrade? trade = null)
    {
        var instrument = SocketInstrument.OfId(order.Symbol)!;
        w.WriteStartObject();
        w.WriteString("exec_type", execType);
        w.WriteString("order_id", FuturesOrderIds.OrderUid(order.Id));
        if (order.ClientOrderId is { } clientId)
        {
            w.WriteString("cl_ord_id", clientId);
        }

        w.WriteString("symbol", instrument.Symbol);
        w.WriteString("side", order.Side == Side.Buy ? "buy" : "sell");
        w.WriteString("order_type", order.Kind == OrderKind.Market ? "market" : "limit");
        w.WriteNumber("order_qty", order.Volume, instrument.QtyDecimals);
        w.WriteNumber("cum_qty", cumQty, instrument.QtyDecimals);
        if (order.Price is { } price)
        {
            w.WriteNumber("limit_price", price, instrument.PriceDecimals);
        }

        w.WriteString("time_in_force", order.TimeInForce == TimeInForce.ImmediateOrCancel ? "ioc" : "gtc");
        w.WriteBoolean("post_only", order.Flags.HasFlag(SandboxOrderConditions.PostOnly));
        w.WriteBoolean("reduce_only", order.ReduceOnly);
        w.WriteString("order_status", status);
        if (trade is not null)
        {
            w.WriteString("exec_id", FuturesOrderIds.FillUid(trade));
            w.WriteNumber("last_qty", trade.Volume, instrument.QtyDecimals);
            w.WriteNumber("last_price", trade.Price, instrument.PriceDecimals);
            w.WriteNumber("cost", trade.Cost, FuturesSettlement.UsdDecimals);
            w.WriteStartArray("fees");
            w.WriteStartObject();
            w.WriteString("asset", SocketInstrument.AssetName(trade.FeeAsset));
            w.WriteNumber("qty", trade.Fee, FuturesSettlement.UsdDecimals);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("liquidity_ind", trade.IsMaker ? "m" : "t");
        }

        if (execType == "filled" && order.Executed > 0m)
        {
            w.WriteNumber("avg_price", order.AveragePrice, instrument.PriceDecimals + 4);
        }

        if (execType is "canceled" or "expired" && order.Reason is { } reason)
        {
            w.WriteString("reason", reason);
        }

        w.WriteString("timestamp", SocketFrames.Time(time));
        w.WriteEndObject();
    }
}
