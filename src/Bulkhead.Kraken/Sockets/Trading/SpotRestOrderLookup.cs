using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Kraken.Sockets.Trading;

/// <summary>
/// The Spot look-up: REST <c>OpenOrders</c> then <c>ClosedOrders</c>, each filtered by <c>cl_ord_id</c>, through the key's
/// own <see cref="SpotClient"/> (guard, budget, fenced nonce). Definitive: an order that landed is open or closed, so
/// "not found" means it did not land (when the order had a deadline that passed).
/// </summary>
public sealed class SpotRestOrderLookup : IOrderLookup
{
    private readonly SpotClient _spot;

    /// <summary>Creates the look-up on the key's Spot client.</summary>
    public SpotRestOrderLookup(SpotClient spot)
    {
        ArgumentNullException.ThrowIfNull(spot);
        _spot = spot;
    }

    /// <inheritdoc />
    public async Task<KrakenResult<OrderLookupResult>> FindAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        var found = await _spot.FindOrdersByClientOrderIdAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
        return found.Map(orders => orders.Count == 0 ? OrderLookupResult.NotFound : new OrderLookupResult(orders[0].Id));
    }
}
