using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Venues;

/// <summary>
/// Order entry on one account of one venue. Implemented by the Futures REST and Spot REST transports; the socket
/// transports (Spot v2, Unified) implement the same contract. Fills are read through <see cref="IFillVenue"/>. A refusal by the venue (insufficient margin, post-only would take, unknown
/// order…) is a failed <see cref="KrakenResult{T}"/> whose error keeps the venue's status string verbatim as its code.
/// </summary>
public interface IOrderVenue
{
    /// <summary>
    /// Places an order. An implementation may resend after a transient failure only once it has checked, by client
    /// order id, that the first attempt did not land; so a success is never a duplicate.
    /// </summary>
    Task<KrakenResult<VenueOrderAck>> PlaceOrderAsync(VenueOrderRequest request, CancellationToken cancellationToken = default);

    /// <summary>Cancels one order. An order that is unknown or already filled is a failure (<c>notFound</c>, <c>filled</c>).</summary>
    Task<KrakenResult<VenueCancelAck>> CancelOrderAsync(VenueOrderRef order, CancellationToken cancellationToken = default);

    /// <summary>Cancels every open order, or every open order on <paramref name="symbol"/>.</summary>
    Task<KrakenResult<VenueCancelAck>> CancelAllAsync(string? symbol = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Arms the dead man's switch: every open order is cancelled unless this is called again within
    /// <paramref name="timeout"/> (whole seconds, rounded up). <see cref="TimeSpan.Zero"/> disarms it.
    /// </summary>
    Task<KrakenResult<DeadMansSwitchState>> ArmDeadMansSwitchAsync(TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>The account's resting orders.</summary>
    Task<KrakenResult<IReadOnlyList<VenueOpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken = default);
}
