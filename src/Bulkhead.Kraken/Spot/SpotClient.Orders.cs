using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot.Internal;
using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Spot;

public sealed partial class SpotClient
{
    /// <summary>Open orders (<c>OpenOrders</c>), optionally only those with a client order id or user reference.</summary>
    /// <param name="clientOrderId">Only the order with this client order id.</param>
    /// <param name="userReference">Only orders with this user reference.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<IReadOnlyList<SpotOrder>>> GetOpenOrdersAsync(string? clientOrderId = null, int? userReference = null, CancellationToken cancellationToken = default) =>
        PrivateAsync("OpenOrders", OrderFilter(clientOrderId, userReference), OrderWire.Open, cancellationToken);

    /// <summary>Closed, cancelled and expired orders, newest first, 50 per page (<c>ClosedOrders</c>).</summary>
    /// <param name="clientOrderId">Only the order with this client order id.</param>
    /// <param name="userReference">Only orders with this user reference.</param>
    /// <param name="start">Only orders closed after this time.</param>
    /// <param name="end">Only orders closed up to this time.</param>
    /// <param name="offset">Skip this many results (paging).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<SpotPage<SpotOrder>>> GetClosedOrdersAsync(
        string? clientOrderId = null,
        int? userReference = null,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null,
        int? offset = null,
        CancellationToken cancellationToken = default)
    {
        var p = OrderFilter(clientOrderId, userReference);
        AccountWire.AddHistoryRange(p, start, end, offset);
        return PrivateAsync("ClosedOrders", p, OrderWire.Closed, cancellationToken);
    }

    /// <summary>Orders by id, open or closed (<c>QueryOrders</c>, with their trade ids). At most 50 ids.</summary>
    /// <param name="orderIds">The order ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<IReadOnlyList<SpotOrder>>> QueryOrdersAsync(IEnumerable<string> orderIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderIds);
        var ids = orderIds.ToList();
        if (ids.Count is 0 or > 50 || ids.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give 1 to 50 non-empty order ids.", nameof(orderIds));
        }

        return PrivateAsync("QueryOrders", [OrderWire.WithTrades(), OrderWire.OrderIds(ids)], OrderWire.Queried, cancellationToken);
    }

    private static List<KeyValuePair<string, string>> OrderFilter(string? clientOrderId, int? userReference)
    {
        var p = new List<KeyValuePair<string, string>>();
        if (clientOrderId is not null)
        {
            p.Add(OrderWire.Parameter(OrderWire.ClientOrderIdField, clientOrderId));
        }

        if (userReference is { } u)
        {
            p.Add(OrderWire.Parameter(OrderWire.UserReferenceField, SpotJson.Format(u)));
        }

        return p;
    }
}
