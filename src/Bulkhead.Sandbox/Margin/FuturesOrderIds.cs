using System.Security.Cryptography;
using System.Text;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// Kraken's Futures ids, shared by Futures REST and the Unified WebSocket (one mapping): an order's UUID is derived from
/// its txid (SHA-256, first 16 bytes, as a version-4 UUID), a fill's from the trade id and the order, so both are stable
/// across restarts without being stored.
/// </summary>
internal static class FuturesOrderIds
{
    /// <summary>The UUID of an order (Futures REST <c>order_id</c>, Unified <c>order_id</c>).</summary>
    public static string OrderUid(string txid) => Uuid(txid);

    /// <summary>The UUID of one side of a fill (Futures REST <c>fill_id</c>, Unified <c>exec_id</c>).</summary>
    public static string FillUid(SandboxTrade trade) => Uuid(trade.Id + "/" + trade.OrderId);

    /// <summary>An account's Futures order named by its UUID (or its txid); null if none.</summary>
    public static SandboxOrder? Find(SandboxExchange exchange, string account, string orderId) =>
        exchange.FindOrder(account, orderId) is { Venue: TradingVenue.Futures } byTxid
            ? byTxid
            : exchange.OpenOrders(account, TradingVenue.Futures).Concat(exchange.ClosedOrders(account, TradingVenue.Futures))
                .FirstOrDefault(o => string.Equals(OrderUid(o.Id), orderId, StringComparison.OrdinalIgnoreCase));

    private static string Uuid(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }
}
