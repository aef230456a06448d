using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot.Internal;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Kraken.Transport;

namespace Bulkhead.Kraken.Spot;

public sealed partial class SpotClient
{
    private const string AddOrderMethod = "AddOrder";

    /// <summary>
    /// Places a market or limit order (<c>AddOrder</c>). The order always carries a client order id (generated when the
    /// request has none). It is sent once; after a transient failure (timeout, gateway error, <c>EService:Unavailable</c>)
    /// the client looks the order up by that id in the open and closed orders, returns it when it landed, and only
    /// otherwise sends it again with a fresh nonce, at most <see cref="Transport.KrakenClientOptions.MaxRetries"/> times.
    /// Authentication, lockout and invalid-input errors are returned at once.
    /// </summary>
    /// <param name="order">The order; see <see cref="OrderRequest.Validate"/>.</param>
    /// <param name="cancellationToken">Cancels the call (an order already sent may still land).</param>
    public async Task<KrakenResult<AddOrderResult>> AddOrderAsync(OrderRequest order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.Validate();
        var clientOrderId = order.ClientOrderId ?? Guid.NewGuid().ToString("D");
        var parameters = OrderWire.AddOrderParameters(order, clientOrderId);
        var placedAt = _time.GetUtcNow();
        if (order.ValidateOnly)
        {
            return await SendOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _placement.PlaceAsync(AddOrderMethod, clientOrderId, (_, ct) => SendOnceAsync(ct), FindLandedAsync, isDefinitive: null, cancellationToken).ConfigureAwait(false);

        async Task<KrakenResult<AddOrderResult>> SendOnceAsync(CancellationToken ct)
        {
            placedAt = _time.GetUtcNow();
            var answer = await SendPrivateAsync(AddOrderMethod, parameters, safeToRepeat: false, ct).ConfigureAwait(false);
            if (!answer.Success)
            {
                return answer.Error;
            }

            var placed = Read(AddOrderMethod, answer, r => OrderWire.AddOrderResult(r, clientOrderId));
            if (placed.Success && !order.ValidateOnly)
            {
                TrackPlacement(order.Pair, placed.Value.OrderIds, clientOrderId, placedAt);
            }

            return placed;
        }

        async Task<KrakenResult<LandedOrder<AddOrderResult>>> FindLandedAsync(KrakenError failure, CancellationToken ct)
        {
            var found = await FindByClientOrderIdAsync(clientOrderId, ct).ConfigureAwait(false);
            if (!found.Success)
            {
                return found.Error;
            }

            if (found.Value.Count == 0)
            {
                return KrakenResult<LandedOrder<AddOrderResult>>.Ok(LandedOrder<AddOrderResult>.NotLanded);
            }

            var landed = found.Value[0];
            TrackPlacement(order.Pair, [landed.Id], clientOrderId, placedAt);
            return KrakenResult<LandedOrder<AddOrderResult>>.Ok(new LandedOrder<AddOrderResult>(
                KrakenResult<AddOrderResult>.Ok(new AddOrderResult([landed.Id], landed.Description, clientOrderId, RecoveredFrom: failure.Code))));
        }
    }

    /// <summary>Cancels an order by its order id (<c>CancelOrder</c> with <c>txid</c>). Returns how many orders were cancelled.</summary>
    /// <param name="orderId">The order id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<int>> CancelOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        return CancelAsync(OrderWire.OrderIdField, orderId, cancellationToken);
    }

    /// <summary>Cancels an order by its client order id (<c>CancelOrder</c> with <c>cl_ord_id</c>). Returns how many orders were cancelled.</summary>
    /// <param name="clientOrderId">The client order id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<int>> CancelOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        return CancelAsync(OrderWire.ClientOrderIdField, clientOrderId, cancellationToken);
    }

    /// <summary>Cancels every open order (<c>CancelAll</c>). Returns how many were cancelled.</summary>
    public async Task<KrakenResult<int>> CancelAllAsync(CancellationToken cancellationToken = default)
    {
        var answer = await CallPrivateAsync("CancelAll", null, cancellationToken).ConfigureAwait(false);
        var result = Read("CancelAll", answer, OrderWire.Count);
        if (result.Success)
        {
            ForgetAllPlacements();
        }

        return result;
    }

    /// <summary>
    /// Arms, re-arms or (with <see cref="TimeSpan.Zero"/>) disarms the dead man's switch: all orders are cancelled when
    /// <paramref name="timeout"/> passes without another call (<c>CancelAllOrdersAfter</c>).
    /// </summary>
    /// <param name="timeout">Zero, or whole seconds up to 86,400.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<DeadManSwitch>> CancelAllOrdersAfterAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (timeout < TimeSpan.Zero || timeout > TimeSpan.FromDays(1) || timeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout is zero (off) or whole seconds up to one day.");
        }

        return PrivateAsync("CancelAllOrdersAfter", [OrderWire.Timeout((int)timeout.TotalSeconds)], OrderWire.DeadManSwitch, cancellationToken);
    }

    private async Task<KrakenResult<int>> CancelAsync(string field, string id, CancellationToken cancellationToken)
    {
        var answer = await SendPrivateAsync("CancelOrder", [OrderWire.Parameter(field, id)], safeToRepeat: false, cancellationToken).ConfigureAwait(false);
        var result = Read("CancelOrder", answer, OrderWire.Count);
        if (result.Success)
        {
            ForgetPlacement(id);
        }

        return result;
    }

    /// <summary>
    /// The orders with this client order id, open or closed (<c>OpenOrders</c>, then <c>ClosedOrders</c>, each filtered by
    /// <c>cl_ord_id</c>); empty when neither lists one: the look-up after an ambiguous placement, on any transport.
    /// </summary>
    /// <param name="clientOrderId">The client order id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<IReadOnlyList<SpotOrder>>> FindOrdersByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientOrderId);
        return FindByClientOrderIdAsync(clientOrderId, cancellationToken);
    }

    /// <summary>Open orders first, then closed ones: the order with the id, or none.</summary>
    private async Task<KrakenResult<IReadOnlyList<SpotOrder>>> FindByClientOrderIdAsync(string clientOrderId, CancellationToken cancellationToken)
    {
        var open = await GetOpenOrdersAsync(clientOrderId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!open.Success || open.Value.Any(o => Matches(o, clientOrderId)))
        {
            return open.Map<IReadOnlyList<SpotOrder>>(orders => orders.Where(o => Matches(o, clientOrderId)).ToList());
        }

        var closed = await GetClosedOrdersAsync(clientOrderId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return closed.Map<IReadOnlyList<SpotOrder>>(page => page.Items.Where(o => Matches(o, clientOrderId)).ToList());
    }

    // An order without a reported client order id came back for a filtered query, so it is the one asked for.
    private static bool Matches(SpotOrder order, string clientOrderId) =>
        order.ClientOrderId is null || string.Equals(order.ClientOrderId, clientOrderId, StringComparison.Ordinal);
}
