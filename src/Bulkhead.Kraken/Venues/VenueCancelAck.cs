namespace Bulkhead.Kraken.Venues;

/// <summary>What a cancellation removed from the book.</summary>
/// <param name="Count">How many orders were cancelled; 0 when there was nothing to cancel.</param>
/// <param name="CancelledOrderIds">The venue ids of the orders cancelled, when the venue names them (Spot's <c>CancelAll</c> gives only a count).</param>
public sealed record VenueCancelAck(int Count, IReadOnlyList<string> CancelledOrderIds);
