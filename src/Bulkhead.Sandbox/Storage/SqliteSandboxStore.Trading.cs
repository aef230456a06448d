using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage.Internal;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Storage;

/// <summary>Orders and trades: written in the same transaction as the ledger entries they book.</summary>
public sealed partial class SqliteSandboxStore
{
    private void WriteOrder(SandboxOrder o) =>
        Execute(SqliteSchema.UpsertOrder,
            ("$id", o.Id),
            ("$engine", o.EngineId),
            ("$account", o.Account),
            ("$venue", (int)o.Venue),
            ("$symbol", o.Symbol),
            ("$side", (int)o.Side),
            ("$kind", (int)o.Kind),
            ("$price", o.Price is { } price ? Text(price) : null),
            ("$volume", Text(o.Volume)),
            ("$executed", Text(o.Executed)),
            ("$cost", Text(o.Cost)),
            ("$fee", Text(o.Fee)),
            ("$status", (int)o.Status),
            ("$opened", Text(o.OpenedAt)),
            ("$closed", Text(o.ClosedAt)),
            ("$userref", o.UserRef),
            ("$clordid", o.ClientOrderId),
            ("$flags", (int)o.Flags),
            ("$tif", (int)o.TimeInForce),
            ("$expires", Text(o.ExpiresAt)),
            ("$stp", (int)o.SelfTrade),
            ("$reduce", o.ReduceOnly ? 1 : 0),
            ("$reason", o.Reason),
            ("$hold", Text(o.Hold)),
            ("$holdasset", o.HoldAsset),
            ("$feecap", Text(o.FeeCap)),
            ("$feeasset", o.FeeAsset),
            ("$priority", o.Priority));

    private void WriteTrade(SandboxTrade t) =>
        Execute(SqliteSchema.InsertTrade,
            ("$seq", t.Sequence),
            ("$id", t.Id),
            ("$order", t.OrderId),
            ("$account", t.Account),
            ("$venue", (int)t.Venue),
            ("$symbol", t.Symbol),
            ("$side", (int)t.Side),
            ("$kind", (int)t.Kind),
            ("$price", Text(t.Price)),
            ("$volume", Text(t.Volume)),
            ("$cost", Text(t.Cost)),
            ("$fee", Text(t.Fee)),
            ("$feeasset", t.FeeAsset),
            ("$maker", t.IsMaker ? 1 : 0),
            ("$time", Text(t.Time)),
            ("$usd", Text(t.UsdVolume)));

    private List<SandboxOrder> LoadOrders()
    {
        var orders = new List<SandboxOrder>();
        Read("SELECT id, engine_id, account, venue, symbol, side, kind, price, volume, executed, cost, fee, status, opened_at, closed_at, userref, cl_ord_id, flags, time_in_force, expires_at, self_trade, reduce_only, reason, hold, hold_asset, fee_cap, fee_asset, priority FROM orders ORDER BY engine_id", r =>
        {
            orders.Add(new SandboxOrder(
                r.GetString(0),
                r.GetInt64(1),
                r.GetString(2),
                (TradingVenue)r.GetInt32(3),
                r.GetString(4),
                (Side)r.GetInt32(5),
                (OrderKind)r.GetInt32(6),
                r.IsDBNull(7) ? null : Decimal(r.GetString(7)),
                Decimal(r.GetString(8)),
                Decimal(r.GetString(9)),
                Decimal(r.GetString(10)),
                Decimal(r.GetString(11)),
                (SandboxOrderStatus)r.GetInt32(12),
                Time(r.GetString(13)),
                OptionalTime(r, 14),
                r.IsDBNull(15) ? null : r.GetInt64(15),
                r.IsDBNull(16) ? null : r.GetString(16),
                (SandboxOrderConditions)r.GetInt32(17),
                (TimeInForce)r.GetInt32(18),
                OptionalTime(r, 19),
                (SelfTradePrevention)r.GetInt32(20),
                r.GetInt64(21) != 0,
                r.IsDBNull(22) ? null : r.GetString(22),
                Decimal(r.GetString(23)),
                r.IsDBNull(24) ? null : r.GetString(24),
                Decimal(r.GetString(25)),
                r.GetString(26),
                r.GetInt64(27)));
        });

        return orders;
    }

    private List<SandboxTrade> LoadTrades()
    {
        var trades = new List<SandboxTrade>();
        Read("SELECT id, order_id, account, venue, symbol, side, kind, price, volume, cost, fee, fee_asset, maker, time, sequence, usd_volume FROM trades ORDER BY sequence", r =>
        {
            trades.Add(new SandboxTrade(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                (TradingVenue)r.GetInt32(3),
                r.GetString(4),
                (Side)r.GetInt32(5),
                (OrderKind)r.GetInt32(6),
                Decimal(r.GetString(7)),
                Decimal(r.GetString(8)),
                Decimal(r.GetString(9)),
                Decimal(r.GetString(10)),
                r.GetString(11),
                r.GetInt64(12) != 0,
                Time(r.GetString(13)),
                r.GetInt64(14),
                Decimal(r.GetString(15))));
        });

        return trades;
    }
}
