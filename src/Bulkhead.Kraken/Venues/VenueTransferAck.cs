namespace Bulkhead.Kraken.Venues;

/// <summary>A transfer the venue accepted.</summary>
/// <param name="Reference">The venue's reference for it, when it gives one.</param>
public sealed record VenueTransferAck(string? Reference);
