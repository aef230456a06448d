using System.Text.Json;
using Bulkhead.Kraken.Sockets.Internal;
using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Sockets.Market;

/// <summary>Kraken's wire names of the public channels' items, read into the English models (websocket.md §5, docs/sandbox.md).</summary>
internal static class MarketWire
{
    public static TickerUpdate Ticker(JsonElement item) => new(
        WireRead.Text(item, "symbol"),
        WireRead.Decimal(item, "bid"),
        WireRead.Decimal(item, "bid_qty"),
        WireRead.Decimal(item, "ask"),
        WireRead.Decimal(item, "ask_qty"),
        WireRead.Decimal(item, "last"),
        WireRead.Decimal(item, "volume"),
        WireRead.Decimal(item, "vwap"),
        WireRead.Decimal(item, "low"),
        WireRead.Decimal(item, "high"),
        WireRead.Decimal(item, "change"),
        WireRead.Decimal(item, "change_pct"))
    {
        MarkPrice = WireRead.OptionalDecimal(item, "mark_price"),
        IndexPrice = WireRead.OptionalDecimal(item, "index_price"),
        FundingRate = WireRead.OptionalDecimal(item, "funding_rate"),
        OpenInterest = WireRead.OptionalDecimal(item, "open_interest"),
    };

    public static TradeUpdate Trade(JsonElement item) => new(
        WireRead.Text(item, "symbol"),
        Side(WireRead.Text(item, "side")),
        WireRead.Decimal(item, "price"),
        WireRead.Decimal(item, "qty"),
        WireRead.OptionalText(item, "ord_type") ?? string.Empty,
        WireRead.Integer(item, "trade_id"),
        WireRead.OptionalTime(item, "timestamp") ?? throw new FormatException("'timestamp' is missing"));

    public static OhlcUpdate Ohlc(JsonElement item) => new(
        WireRead.Text(item, "symbol"),
        WireRead.Decimal(item, "open"),
        WireRead.Decimal(item, "high"),
        WireRead.Decimal(item, "low"),
        WireRead.Decimal(item, "close"),
        WireRead.Integer(item, "trades"),
        WireRead.Decimal(item, "volume"),
        WireRead.Decimal(item, "vwap"),
        WireRead.OptionalTime(item, "interval_begin") ?? throw new FormatException("'interval_begin' is missing"),
        checked((int)WireRead.Integer(item, "interval")),
        WireRead.OptionalTime(item, "timestamp"));

    public static InstrumentSnapshot Instruments(JsonElement data) => new(
        [.. WireRead.Array(data, "assets").Select(a => new InstrumentAsset(
            WireRead.Text(a, "id"),
            WireRead.OptionalText(a, "status") ?? string.Empty,
            (int)(WireRead.OptionalInteger(a, "precision") ?? 0)))],
        [.. WireRead.Array(data, "pairs").Select(p => new InstrumentPair(
            WireRead.Text(p, "symbol"),
            WireRead.OptionalText(p, "base") ?? string.Empty,
            WireRead.OptionalText(p, "quote") ?? string.Empty,
            WireRead.OptionalText(p, "status") ?? string.Empty,
            (int)WireRead.Integer(p, "price_precision"),
            WireRead.Decimal(p, "price_increment"),
            (int)WireRead.Integer(p, "qty_precision"),
            WireRead.Decimal(p, "qty_increment"),
            WireRead.OptionalDecimal(p, "qty_min") ?? 0m)
        {
            CostMinimum = WireRead.OptionalDecimal(p, "cost_min"),
            MarginInitial = WireRead.OptionalDecimal(p, "margin_initial"),
            ContractSize = WireRead.OptionalDecimal(p, "contract_size"),
        })]);

    public static OrderSide Side(string side) => side switch
    {
        "buy" => OrderSide.Buy,
        "sell" => OrderSide.Sell,
        _ => throw new FormatException($"'{side}' is not a side"),
    };

    public static string Wire(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";
}
