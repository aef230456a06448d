namespace Bulkhead.Kraken.Venues;

/// <summary>The venue's answer to an accepted order placement.</summary>
/// <param name="OrderId">The venue's order id.</param>
/// <param name="ClientOrderId">The client order id the order carries.</param>
/// <param name="Status">Where the order stands.</param>
/// <param name="Fills">Executions reported with the answer (may be empty even when filled, e.g. when the ack was recovered by a status check).</param>
public sealed record VenueOrderAck(string OrderId, string ClientOrderId, VenueOrderStatus Status, IReadOnlyList<VenueFill> Fills);
