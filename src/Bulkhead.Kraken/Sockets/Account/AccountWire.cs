using System.Text.Json;
using Bulkhead.Kraken.Sockets.Internal;
using Bulkhead.Kraken.Sockets.Market;

namespace Bulkhead.Kraken.Sockets.Account;

/// <summary>Kraken's wire names of the private channels' items, read into the English models (websocket.md §6 and §12, docs/sandbox.md).</summary>
internal static class AccountWire
{
    public static ExecutionUpdate Execution(JsonElement item)
    {
        var text = WireRead.OptionalText(item, "exec_type") ?? string.Empty;
        return new ExecutionUpdate(ExecType(text), text, WireRead.Text(item, "order_id"))
        {
            ClientOrderId = WireRead.OptionalText(item, "cl_ord_id"),
            UserReference = WireRead.OptionalInteger(item, "order_userref"),
            Symbol = WireRead.OptionalText(item, "symbol"),
            Side = WireRead.OptionalText(item, "side") is { } side ? MarketWire.Side(side) : null,
            OrderType = WireRead.OptionalText(item, "order_type"),
            OrderQuantity = WireRead.OptionalDecimal(item, "order_qty"),
            LimitPrice = WireRead.OptionalDecimal(item, "limit_price"),
            CumulativeQuantity = WireRead.OptionalDecimal(item, "cum_qty"),
            CumulativeCost = WireRead.OptionalDecimal(item, "cum_cost"),
            AveragePrice = WireRead.OptionalDecimal(item, "avg_price"),
            OrderStatus = WireRead.OptionalText(item, "order_status"),
            TimeInForce = WireRead.OptionalText(item, "time_in_force"),
            PostOnly = WireRead.OptionalBool(item, "post_only"),
            ReduceOnly = WireRead.OptionalBool(item, "reduce_only"),
            ExecutionId = WireRead.OptionalText(item, "exec_id"),
            TradeId = WireRead.OptionalInteger(item, "trade_id"),
            LastQuantity = WireRead.OptionalDecimal(item, "last_qty"),
            LastPrice = WireRead.OptionalDecimal(item, "last_price"),
            Cost = WireRead.OptionalDecimal(item, "cost"),
            Fees = [.. WireRead.Array(item, "fees").Select(f => new ExecutionFee(WireRead.Text(f, "asset"), WireRead.Decimal(f, "qty")))],
            LiquidityIndicator = WireRead.OptionalText(item, "liquidity_ind"),
            Reason = WireRead.OptionalText(item, "reason") ?? WireRead.OptionalText(item, "cancel_reason"),
            RateCount = WireRead.OptionalDecimal(item, "ratecount"),
            Time = WireRead.OptionalTime(item, "timestamp"),
        };
    }

    /// <summary>A <c>balances</c> item: a snapshot item has <c>wallets</c>, an update item is a ledger entry.</summary>
    public static BalanceUpdate Balance(JsonElement item)
    {
        if (item.TryGetProperty("ledger_id", out _))
        {
            var entry = Ledger(item);
            return new BalanceUpdate(entry.Asset, entry.Balance) { Entry = entry };
        }

        return new BalanceUpdate(WireRead.Text(item, "asset"), WireRead.Decimal(item, "balance"))
        {
            Wallets = [.. WireRead.Array(item, "wallets").Select(w => new WalletBalance(
                WireRead.OptionalText(w, "type") ?? string.Empty,
                WireRead.OptionalText(w, "id") ?? string.Empty,
                WireRead.Decimal(w, "balance")))],
        };
    }

    public static LedgerUpdate Ledger(JsonElement item) => new(
        WireRead.Text(item, "ledger_id"),
        WireRead.OptionalText(item, "ref_id") ?? string.Empty,
        WireRead.OptionalTime(item, "timestamp"),
        WireRead.OptionalText(item, "type") ?? string.Empty,
        WireRead.Text(item, "asset"),
        WireRead.Decimal(item, "amount"),
        WireRead.OptionalDecimal(item, "fee") ?? 0m,
        WireRead.Decimal(item, "balance"))
    {
        WalletType = WireRead.OptionalText(item, "wallet_type"),
        WalletId = WireRead.OptionalText(item, "wallet_id"),
        Symbol = WireRead.OptionalText(item, "symbol"),
        TradePrice = WireRead.OptionalDecimal(item, "trade_price"),
        RealizedPnl = WireRead.OptionalDecimal(item, "realized_pnl"),
        RealizedFunding = WireRead.OptionalDecimal(item, "realized_funding"),
    };

    /// <summary>The items of a <c>positions</c> message: its <c>futures</c> list (the Unified WebSocket lists no options here).</summary>
    public static IReadOnlyList<JsonElement> PositionItems(JsonElement data) => WireRead.Array(data, "futures");

    public static PositionUpdate Position(JsonElement item) => new(
        WireRead.Text(item, "symbol"),
        WireRead.OptionalText(item, "side") switch
        {
            "long" => PositionDirection.Long,
            "short" => PositionDirection.Short,
            _ => null,
        },
        WireRead.Decimal(item, "size"),
        WireRead.OptionalDecimal(item, "entry_price") ?? 0m,
        WireRead.OptionalDecimal(item, "mark_price") ?? 0m,
        WireRead.OptionalDecimal(item, "unrealized_pnl") ?? 0m)
    {
        MaxLeverage = WireRead.OptionalDecimal(item, "max_leverage"),
        Notional = WireRead.OptionalDecimal(item, "notional"),
        InitialMargin = WireRead.OptionalDecimal(item, "initial_margin"),
        MaintenanceMargin = WireRead.OptionalDecimal(item, "maintenance_margin"),
    };

    public static MarginUpdate Margin(JsonElement data, string kind) => new(
        kind,
        WireRead.Decimal(data, "portfolio_value"),
        WireRead.Decimal(data, "collateral_value"),
        WireRead.Decimal(data, "unrealized_pnl"),
        WireRead.Decimal(data, "initial_margin"),
        WireRead.OptionalDecimal(data, "initial_margin_with_orders") ?? 0m,
        WireRead.Decimal(data, "maintenance_margin"),
        WireRead.Decimal(data, "available_margin"),
        WireRead.OptionalDecimal(data, "margin_level"),
        [.. WireRead.Array(data, "currencies").Select(c => new CollateralBalance(WireRead.Text(c, "asset"), WireRead.Decimal(c, "quantity"), WireRead.Decimal(c, "value")))]);

    private static ExecutionType ExecType(string text) => text switch
    {
        "pending_new" => ExecutionType.PendingNew,
        "new" => ExecutionType.New,
        "trade" => ExecutionType.Trade,
        "filled" => ExecutionType.Filled,
        "canceled" => ExecutionType.Canceled,
        "expired" => ExecutionType.Expired,
        "amended" => ExecutionType.Amended,
        "restated" => ExecutionType.Restated,
        "status" => ExecutionType.Status,
        "iceberg_refill" => ExecutionType.IcebergRefill,
        _ => ExecutionType.Unknown,
    };
}
