using System.Text.Json;
using Bulkhead.Kraken.Spot.Models;
using static Bulkhead.Kraken.Spot.Internal.SpotJson;

namespace Bulkhead.Kraken.Spot.Internal;

/// <summary>Kraken's account shapes: balances, trade balance, own trades, ledger, trade volume, WebSocket token.</summary>
internal static class AccountWire
{
    public static IReadOnlyDictionary<string, decimal> Balances(JsonElement r) =>
        Entries(r).ToDictionary(e => e.Name, e => Money(e.Value), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, AssetBalance> ExtendedBalances(JsonElement r) =>
        Entries(r).ToDictionary(
            e => e.Name,
            e => new AssetBalance(Money(e.Value, "balance"), OptionalMoney(e.Value, "hold_trade") ?? 0m),
            StringComparer.Ordinal);

    public static TradeBalance TradeBalance(JsonElement r) => new(
        Money(r, "eb"), Money(r, "tb"), Money(r, "m"), Money(r, "n"), Money(r, "c"), Money(r, "v"), Money(r, "e"), Money(r, "mf"), OptionalMoney(r, "ml"));

    public static SpotPage<OwnTrade> Trades(JsonElement r)
    {
        var trades = Entries(Field(r, "trades")).Select(e => new OwnTrade(
            e.Name,
            Text(e.Value, "ordertxid"),
            Text(e.Value, "pair"),
            Time(e.Value, "time"),
            MarketWire.Side(Text(e.Value, "type")),
            OrderWire.Type(Text(e.Value, "ordertype")),
            Money(e.Value, "price"),
            Money(e.Value, "cost"),
            Money(e.Value, "fee"),
            Money(e.Value, "vol"),
            TryField(e.Value, "maker", out var maker) ? maker.GetBoolean() : null)).ToList();
        return new SpotPage<OwnTrade>(trades, (int)(OptionalInteger(r, "count") ?? trades.Count));
    }

    public static SpotPage<LedgerEntry> Ledger(JsonElement r)
    {
        var entries = Entries(Field(r, "ledger")).Select(e => new LedgerEntry(
            e.Name,
            Text(e.Value, "refid"),
            Time(e.Value, "time"),
            Text(e.Value, "type"),
            OptionalText(e.Value, "subtype") ?? string.Empty,
            Text(e.Value, "asset"),
            Money(e.Value, "amount"),
            Money(e.Value, "fee"),
            Money(e.Value, "balance"))).ToList();
        return new SpotPage<LedgerEntry>(entries, (int)(OptionalInteger(r, "count") ?? entries.Count));
    }

    public static TradeVolume TradeVolume(JsonElement r) => new(
        Text(r, "currency"),
        Money(r, "volume"),
        Fees(r, "fees"),
        Fees(r, "fees_maker"));

    public static WebSocketsToken WebSocketsToken(JsonElement r) => new(Text(r, "token"), TimeSpan.FromSeconds(Integer(r, "expires")));

    /// <summary>The parameters of a history query (closed orders, trades, ledger).</summary>
    public static void AddHistoryRange(List<KeyValuePair<string, string>> p, DateTimeOffset? start, DateTimeOffset? end, int? offset)
    {
        if (start is { } s)
        {
            p.Add(new("start", UnixSeconds(s)));
        }

        if (end is { } e)
        {
            p.Add(new("end", UnixSeconds(e)));
        }

        if (offset is { } o)
        {
            p.Add(new("ofs", Format(o)));
        }
    }

    public static KeyValuePair<string, string> Asset(string asset) => new("asset", asset);

    public static KeyValuePair<string, string> Pairs(IEnumerable<string> pairs) => new("pair", string.Join(',', pairs));

    private static Dictionary<string, PairFee> Fees(JsonElement r, string name) =>
        TryField(r, name, out var fees)
            ? Entries(fees).ToDictionary(
                e => e.Name,
                e => new PairFee(
                    Money(e.Value, "fee"),
                    OptionalMoney(e.Value, "minfee"),
                    OptionalMoney(e.Value, "maxfee"),
                    OptionalMoney(e.Value, "nextfee"),
                    OptionalMoney(e.Value, "nextvolume"),
                    OptionalMoney(e.Value, "tiervolume")),
                StringComparer.Ordinal)
            : new Dictionary<string, PairFee>(StringComparer.Ordinal);
}
