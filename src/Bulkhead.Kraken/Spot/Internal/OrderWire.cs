using System.Text.Json;
using Bulkhead.Kraken.Spot.Models;
using static Bulkhead.Kraken.Spot.Internal.SpotJson;

namespace Bulkhead.Kraken.Spot.Internal;

/// <summary>Kraken's order shapes (OpenOrders, ClosedOrders, QueryOrders) and order request fields.</summary>
internal static class OrderWire
{
    public const string OrderIdField = "txid";
    public const string ClientOrderIdField = "cl_ord_id";
    public const string UserReferenceField = "userref";

    public static IReadOnlyList<SpotOrder> Open(JsonElement r) => Orders(Field(r, "open"));

    public static SpotPage<SpotOrder> Closed(JsonElement r)
    {
        var orders = Orders(Field(r, "closed"));
        return new SpotPage<SpotOrder>(orders, (int)(OptionalInteger(r, "count") ?? orders.Count));
    }

    public static IReadOnlyList<SpotOrder> Queried(JsonElement r) => Orders(r);

    public static List<SpotOrder> Orders(JsonElement byId) => Entries(byId).Select(e => Order(e.Name, e.Value)).ToList();

    public static SpotOrder Order(string id, JsonElement o)
    {
        var d = Field(o, "descr");
        return new SpotOrder(
            id,
            OptionalText(o, ClientOrderIdField) is { Length: > 0 } cl ? cl : null,
            OptionalInteger(o, UserReferenceField) is { } u and not 0 ? u : null,
            Status(Text(o, "status")),
            Time(o, "opentm"),
            OptionalTime(o, "closetm"),
            Text(d, "pair"),
            MarketWire.Side(Text(d, "type")),
            Type(Text(d, "ordertype")),
            OptionalMoney(d, "price") ?? 0m,
            OptionalMoney(d, "price2") ?? 0m,
            Money(o, "vol"),
            Money(o, "vol_exec"),
            Money(o, "cost"),
            Money(o, "fee"),
            Money(o, "price"),
            Conditions(OptionalText(o, "oflags")),
            OptionalText(d, "order") ?? string.Empty,
            OptionalText(o, "reason"),
            TryField(o, "trades", out var trades) ? Items(trades).Select(t => t.GetString() ?? string.Empty).ToList() : []);
    }

    public static SpotOrderType Type(string wire) => wire switch
    {
        "market" => SpotOrderType.Market,
        "limit" => SpotOrderType.Limit,
        "stop-loss" => SpotOrderType.StopLoss,
        "take-profit" => SpotOrderType.TakeProfit,
        "stop-loss-limit" => SpotOrderType.StopLossLimit,
        "take-profit-limit" => SpotOrderType.TakeProfitLimit,
        "trailing-stop" => SpotOrderType.TrailingStop,
        "trailing-stop-limit" => SpotOrderType.TrailingStopLimit,
        "iceberg" => SpotOrderType.Iceberg,
        "settle-position" => SpotOrderType.SettlePosition,
        _ => SpotOrderType.Unknown,
    };

    public static string TypeName(SpotOrderType type) => type switch
    {
        SpotOrderType.Market => "market",
        SpotOrderType.Limit => "limit",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Only market and limit orders are typed."),
    };

    public static string SideName(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";

    public static string FlagNames(OrderConditions conditions)
    {
        var names = new List<string>(5);
        if (conditions.HasFlag(OrderConditions.PostOnly))
        {
            names.Add("post");
        }

        if (conditions.HasFlag(OrderConditions.FeeInBase))
        {
            names.Add("fcib");
        }

        if (conditions.HasFlag(OrderConditions.FeeInQuote))
        {
            names.Add("fciq");
        }

        if (conditions.HasFlag(OrderConditions.NoMarketPriceProtection))
        {
            names.Add("nompp");
        }

        if (conditions.HasFlag(OrderConditions.VolumeInQuote))
        {
            names.Add("viqc");
        }

        return string.Join(',', names);
    }

    public static string TimeInForceName(TimeInForce tif) => tif switch
    {
        TimeInForce.GoodTillCancelled => "GTC",
        TimeInForce.ImmediateOrCancel => "IOC",
        TimeInForce.GoodTillDate => "GTD",
        _ => throw new ArgumentOutOfRangeException(nameof(tif), tif, null),
    };

    /// <summary>AddOrder's form fields, in the order ccxt sends them.</summary>
    public static List<KeyValuePair<string, string>> AddOrderParameters(OrderRequest order, string clientOrderId)
    {
        var p = new List<KeyValuePair<string, string>>
        {
            new("pair", order.Pair),
            new("type", SideName(order.Side)),
            new("ordertype", TypeName(order.Type)),
            new("volume", Format(order.Volume)),
        };
        if (order.Price is { } price)
        {
            p.Add(new("price", Format(price)));
        }

        if (order.Conditions != OrderConditions.None)
        {
            p.Add(new("oflags", FlagNames(order.Conditions)));
        }

        if (order.TimeInForce is { } tif)
        {
            p.Add(new("timeinforce", TimeInForceName(tif)));
        }

        if (order.ExpireAt is { } expire)
        {
            p.Add(new("expiretm", UnixSeconds(expire)));
        }

        p.Add(new(ClientOrderIdField, clientOrderId));
        if (order.UserReference is { } userref)
        {
            p.Add(new(UserReferenceField, Format(userref)));
        }

        if (order.ValidateOnly)
        {
            p.Add(new("validate", "true"));
        }

        return p;
    }

    public static AddOrderResult AddOrderResult(JsonElement r, string clientOrderId) => new(
        TryField(r, OrderIdField, out var ids) ? Items(ids).Select(t => t.GetString() ?? string.Empty).ToList() : [],
        OptionalText(Field(r, "descr"), "order") ?? string.Empty,
        clientOrderId);

    public static int Count(JsonElement r) => (int)Integer(r, "count");

    public static DeadManSwitch DeadManSwitch(JsonElement r) => new(
        IsoTime(r, "currentTime"),
        Text(r, "triggerTime") is "0" or "" ? null : IsoTime(r, "triggerTime"));

    public static KeyValuePair<string, string> Timeout(int seconds) => new("timeout", Format(seconds));

    public static KeyValuePair<string, string> OrderIds(IEnumerable<string> ids) => new(OrderIdField, string.Join(',', ids));

    public static KeyValuePair<string, string> Parameter(string name, string value) => new(name, value);

    public static KeyValuePair<string, string> WithTrades() => new("trades", "true");

    private static OrderStatus Status(string wire) => wire switch
    {
        "pending" => OrderStatus.Pending,
        "open" => OrderStatus.Open,
        "closed" => OrderStatus.Closed,
        "canceled" => OrderStatus.Canceled,
        "expired" => OrderStatus.Expired,
        _ => OrderStatus.Unknown,
    };

    private static OrderConditions Conditions(string? wire)
    {
        var conditions = OrderConditions.None;
        foreach (var name in (wire ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            conditions |= name switch
            {
                "post" => OrderConditions.PostOnly,
                "fcib" => OrderConditions.FeeInBase,
                "fciq" => OrderConditions.FeeInQuote,
                "nompp" => OrderConditions.NoMarketPriceProtection,
                "viqc" => OrderConditions.VolumeInQuote,
                _ => OrderConditions.None,
            };
        }

        return conditions;
    }
}
