using System.Globalization;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>
/// Finds an account's open Spot order by what a client may name it with (REST AmendOrder/EditOrder, WebSocket
/// amend_order/edit_order): its txid, its <c>cl_ord_id</c>, or its <c>userref</c>.
/// </summary>
internal static class SpotOrderLookup
{
    public static SandboxOrder? Open(SandboxExchange exchange, string account, string? id)
    {
        if (id is not { Length: > 0 })
        {
            return null;
        }

        return exchange.FindOrder(account, id) is { IsOpen: true } byTxid
            ? byTxid
            : exchange.OpenOrders(account, TradingVenue.Spot).FirstOrDefault(o => o.ClientOrderId == id
                || (int.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var u) && o.UserRef == u));
    }
}
