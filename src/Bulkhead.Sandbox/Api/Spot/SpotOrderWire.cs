using System.Globalization;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>Kraken's Spot shapes for orders and trades (OpenOrders, ClosedOrders, QueryOrders, TradesHistory), and the order error strings.</summary>
internal static class SpotOrderWire
{
    /// <summary>The Kraken string for a refused order operation.</summary>
    public static string Error(SandboxRejection rejection, string? detail, SandboxPair? pair) => rejection switch
    {
        SandboxRejection.InsufficientFunds => KrakenErrors.InsufficientFunds,
        SandboxRejection.UnknownPair => KrakenErrors.UnknownAssetPair,
        SandboxRejection.InvalidVolume => KrakenErrors.InvalidArguments + ":volume",
        SandboxRejection.InvalidPrice => pair is null
            ? "EOrder:Invalid price:Invalid price argument"
            : $"EOrder:Invalid price:{pair.AltName} price can only be specified up to {pair.PairDecimals} decimals.",
        SandboxRejection.OrderMinimumNotMet => KrakenErrors.OrderMinimumNotMet,
        SandboxRejection.UnknownOrder => KrakenErrors.UnknownOrder,
        SandboxRejection.OrderRateLimitExceeded => KrakenErrors.OrderRateLimitExceeded,
        SandboxRejection.OrdersLimitExceeded => KrakenErrors.OrdersLimitExceeded,
        SandboxRejection.UnknownAccount => KrakenErrors.PermissionDenied,
        _ => detail is not null && detail.Contains("cl_ord_id", StringComparison.Ordinal) ? KrakenErrors.InvalidArguments + ":cl_ord_id" : KrakenErrors.InvalidOrder,
    };

    /// <summary>Kraken's <c>descr.order</c>: <c>buy 1.25000000 XBTUSD @ limit 37500.0</c>.</summary>
    public static string Description(SandboxOrder order)
    {
        var pair = PairCatalog.Find(order.Symbol)!;
        var side = order.Side == Side.Buy ? "buy" : "sell";
        var volume = Fixed(order.Volume, pair.LotDecimals);
        return order.Price is { } price
            ? $"{side} {volume} {pair.AltName} @ limit {Fixed(price, pair.PairDecimals)}"
            : $"{side} {volume} {pair.AltName} @ market";
    }

    public static void WriteOrders(Utf8JsonWriter w, IEnumerable<SandboxOrder> orders, Func<SandboxOrder, IReadOnlyList<SandboxTrade>>? trades)
    {
        w.WriteStartObject();
        foreach (var order in orders)
        {
            w.WritePropertyName(order.Id);
            WriteOrder(w, order, trades?.Invoke(order));
        }

        w.WriteEndObject();
    }

    public static void WriteOrder(Utf8JsonWriter w, SandboxOrder order, IReadOnlyList<SandboxTrade>? trades)
    {
        var pair = PairCatalog.Find(order.Symbol)!;
        var feeDecimals = AssetCatalog.Find(order.FeeAsset)?.Decimals ?? pair.CostDecimals;
        w.WriteStartObject();
        w.WriteNull("refid");
        w.WriteNumber("userref", order.UserRef ?? 0);
        if (order.ClientOrderId is { } clientId)
        {
            w.WriteString("cl_ord_id", clientId);
        }

        w.WriteString("status", Status(order.Status));
        if (order.Reason is { } reason)
        {
            w.WriteString("reason", reason);
        }

        w.WriteNumber("opentm", Seconds(order.OpenedAt));
        if (order.ClosedAt is { } closed)
        {
            w.WriteNumber("closetm", Seconds(closed));
        }

        w.WriteNumber("starttm", 0);
        w.WriteNumber("expiretm", order.ExpiresAt is { } expires ? Seconds(expires) : 0m);
        w.WriteStartObject("descr");
        w.WriteString("pair", pair.AltName);
        w.WriteString("type", order.Side == Side.Buy ? "buy" : "sell");
        w.WriteString("ordertype", order.Kind == OrderKind.Limit ? "limit" : "market");
        w.WriteString("price", Fixed(order.Price ?? 0m, pair.PairDecimals));
        w.WriteString("price2", Fixed(0m, pair.PairDecimals));
        w.WriteString("leverage", "none");
        w.WriteString("order", Description(order));
        w.WriteString("close", string.Empty);
        w.WriteEndObject();
        w.WriteString("vol", Fixed(order.Volume, pair.LotDecimals));
        w.WriteString("vol_exec", Fixed(order.Executed, pair.LotDecimals));
        w.WriteString("cost", Fixed(order.Cost, pair.CostDecimals));
        w.WriteString("fee", Fixed(order.Fee, feeDecimals));
        w.WriteString("price", Fixed(order.AveragePrice, pair.PairDecimals));
        w.WriteString("stopprice", Fixed(0m, pair.PairDecimals));
        w.WriteString("limitprice", Fixed(0m, pair.PairDecimals));
        w.WriteString("misc", string.Empty);
        w.WriteString("oflags", Flags(order));
        w.WriteString("timeinforce", order.ExpiresAt is not null ? "GTD" : order.TimeInForce == TimeInForce.ImmediateOrCancel ? "IOC" : "GTC");
        if (trades is not null)
        {
            w.WriteStartArray("trades");
            foreach (var trade in trades)
            {
                w.WriteStringValue(trade.Id);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public static void WriteTrade(Utf8JsonWriter w, SandboxTrade trade)
    {
        var pair = PairCatalog.Find(trade.Symbol)!;
        var feeDecimals = AssetCatalog.Find(trade.FeeAsset)?.Decimals ?? pair.CostDecimals;
        w.WriteStartObject(trade.Id);
        w.WriteString("ordertxid", trade.OrderId);
        w.WriteString("postxid", trade.Id);
        w.WriteString("pair", pair.Id);
        w.WriteNumber("time", Seconds(trade.Time));
        w.WriteString("type", trade.Side == Side.Buy ? "buy" : "sell");
        w.WriteString("ordertype", trade.Kind == OrderKind.Limit ? "limit" : "market");
        w.WriteString("price", Fixed(trade.Price, pair.PairDecimals));
        w.WriteString("cost", Fixed(trade.Cost, pair.CostDecimals));
        w.WriteString("fee", Fixed(trade.Fee, feeDecimals));
        w.WriteString("vol", Fixed(trade.Volume, pair.LotDecimals));
        w.WriteString("margin", Fixed(0m, pair.CostDecimals));
        w.WriteString("leverage", "0");
        w.WriteString("misc", string.Empty);
        w.WriteBoolean("maker", trade.IsMaker);
        w.WriteNumber("trade_id", trade.Sequence);
        w.WriteEndObject();
    }

    public static string Fixed(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.ToZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static decimal Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000m;

    private static string Status(SandboxOrderStatus status) => status switch
    {
        SandboxOrderStatus.Open => "open",
        SandboxOrderStatus.Closed => "closed",
        SandboxOrderStatus.Canceled => "canceled",
        _ => "expired",
    };

    private static string Flags(SandboxOrder order)
    {
        var names = new List<string>(4);
        if (order.Flags.HasFlag(SandboxOrderConditions.PostOnly))
        {
            names.Add("post");
        }

        names.Add(order.Flags.HasFlag(SandboxOrderConditions.FeeInBase) ? "fcib" : "fciq");
        if (order.Flags.HasFlag(SandboxOrderConditions.NoMarketPriceProtection))
        {
            names.Add("nompp");
        }

        return string.Join(',', names);
    }
}
