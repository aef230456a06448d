namespace Bulkhead.Kraken.Venues;

/// <summary>What a cancellation removed from the book.</summary>
/// <param name="CancelledOrderIds">The venue ids of the orders cancelled; empty when there was nothing to cancel.</param>
public sealed record VenueCancelAck(IReadOnlyList<string> CancelledOrderIds);
