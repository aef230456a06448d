using System.Text.Json;
using Bulkhead.Kraken.Spot.Models;
using static Bulkhead.Kraken.Spot.Internal.SpotJson;

namespace Bulkhead.Kraken.Spot.Internal;

/// <summary>Kraken's public market-data shapes (shared/kraken/spot.md §5, §7.3), read into the domain models.</summary>
internal static class MarketWire
{
    public static ServerTime ServerTime(JsonElement r) => new(Time(r, "unixtime"), Text(r, "rfc1123"));

    public static SystemStatus SystemStatus(JsonElement r) => new(
        Text(r, "status") switch
        {
            "online" => ExchangeStatus.Online,
            "maintenance" => ExchangeStatus.Maintenance,
            "cancel_only" => ExchangeStatus.CancelOnly,
            "post_only" => ExchangeStatus.PostOnly,
            _ => ExchangeStatus.Unknown,
        },
        IsoTime(r, "timestamp"));

    public static IReadOnlyDictionary<string, AssetInfo> Assets(JsonElement r) => Entries(r).ToDictionary(
        e => e.Name,
        e => new AssetInfo(
            e.Name,
            Text(e.Value, "altname"),
            (int)Integer(e.Value, "decimals"),
            (int)(OptionalInteger(e.Value, "display_decimals") ?? Integer(e.Value, "decimals")),
            OptionalText(e.Value, "status")),
        StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, AssetPairInfo> AssetPairs(JsonElement r) => Entries(r).ToDictionary(
        e => e.Name,
        e => new AssetPairInfo(
            e.Name,
            Text(e.Value, "altname"),
            OptionalText(e.Value, "wsname"),
            Text(e.Value, "base"),
            Text(e.Value, "quote"),
            (int)Integer(e.Value, "pair_decimals"),
            (int)Integer(e.Value, "lot_decimals"),
            OptionalMoney(e.Value, "ordermin"),
            OptionalMoney(e.Value, "costmin"),
            OptionalMoney(e.Value, "tick_size"),
            OptionalText(e.Value, "status"),
            FeeTiers(e.Value, "fees"),
            FeeTiers(e.Value, "fees_maker")),
        StringComparer.Ordinal);

    public static Ticker Ticker(JsonElement r)
    {
        var (pair, t) = (PairEntry(r).Name, PairEntry(r).Value);
        return new Ticker(
            pair,
            Money(Item(Field(t, "a"), 0)),
            Money(Item(Field(t, "a"), 2)),
            Money(Item(Field(t, "b"), 0)),
            Money(Item(Field(t, "b"), 2)),
            Money(Item(Field(t, "c"), 0)),
            Money(Item(Field(t, "c"), 1)),
            Money(Item(Field(t, "v"), 0)),
            Money(Item(Field(t, "v"), 1)),
            Money(Item(Field(t, "p"), 0)),
            Money(Item(Field(t, "p"), 1)),
            Integer(Item(Field(t, "t"), 0)),
            Integer(Item(Field(t, "t"), 1)),
            Money(Item(Field(t, "l"), 0)),
            Money(Item(Field(t, "l"), 1)),
            Money(Item(Field(t, "h"), 0)),
            Money(Item(Field(t, "h"), 1)),
            Money(Field(t, "o")));
    }

    public static OrderBook OrderBook(JsonElement r)
    {
        var entry = PairEntry(r);
        return new OrderBook(entry.Name, Levels(Field(entry.Value, "asks")), Levels(Field(entry.Value, "bids")));
    }

    public static RecentTrades RecentTrades(JsonElement r)
    {
        var entry = PairEntry(r);
        var trades = Items(entry.Value).Select(t => new PublicTrade(
            Money(Item(t, 0)),
            Money(Item(t, 1)),
            Time(Item(t, 2)),
            Side(Item(t, 3).GetString()),
            string.Equals(Item(t, 4).GetString(), "m", StringComparison.Ordinal),
            t.GetArrayLength() > 5 ? Item(t, 5).GetString() ?? string.Empty : string.Empty,
            t.GetArrayLength() > 6 ? Integer(Item(t, 6)) : null)).ToList();
        return new RecentTrades(entry.Name, trades, OptionalText(r, "last") ?? string.Empty);
    }

    public static CandleSeries Candles(JsonElement r)
    {
        var entry = PairEntry(r);
        var candles = Items(entry.Value).Select(c => new Candle(
            Time(Item(c, 0)),
            Money(Item(c, 1)),
            Money(Item(c, 2)),
            Money(Item(c, 3)),
            Money(Item(c, 4)),
            Money(Item(c, 5)),
            Money(Item(c, 6)),
            Integer(Item(c, 7)))).ToList();
        return new CandleSeries(entry.Name, candles, Time(r, "last"));
    }

    public static List<KeyValuePair<string, string>> Pair(string pair) => [new("pair", pair)];

    public static List<KeyValuePair<string, string>>? AssetFilter(IEnumerable<string>? assets) =>
        assets is null ? null : [new("asset", string.Join(',', assets))];

    public static List<KeyValuePair<string, string>>? PairFilter(IEnumerable<string>? pairs) =>
        pairs is null ? null : [new("pair", string.Join(',', pairs))];

    public static List<KeyValuePair<string, string>> Depth(string pair, int? count)
    {
        var p = Pair(pair);
        if (count is { } n)
        {
            p.Add(new("count", Format(n)));
        }

        return p;
    }

    public static List<KeyValuePair<string, string>> Trades(string pair, string? since)
    {
        var p = Pair(pair);
        if (since is not null)
        {
            p.Add(new("since", since));
        }

        return p;
    }

    public static List<KeyValuePair<string, string>> Ohlc(string pair, long intervalMinutes, DateTimeOffset? since)
    {
        var p = Pair(pair);
        p.Add(new("interval", Format(intervalMinutes)));
        if (since is { } s)
        {
            p.Add(new("since", UnixSeconds(s)));
        }

        return p;
    }

    internal static OrderSide Side(string? wire) => wire switch
    {
        "b" or "buy" => OrderSide.Buy,
        "s" or "sell" => OrderSide.Sell,
        _ => throw new FormatException($"'{wire}' is not a side"),
    };

    private static List<OrderBookLevel> Levels(JsonElement levels) =>
        Items(levels).Select(l => new OrderBookLevel(Money(Item(l, 0)), Money(Item(l, 1)), Time(Item(l, 2)))).ToList();

    private static List<FeeTier> FeeTiers(JsonElement pair, string name) =>
        TryField(pair, name, out var tiers) ? Items(tiers).Select(t => new FeeTier(Money(Item(t, 0)), Money(Item(t, 1)))).ToList() : [];
}
