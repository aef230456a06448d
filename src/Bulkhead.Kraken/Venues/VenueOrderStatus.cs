namespace Bulkhead.Kraken.Venues;

/// <summary>
/// Where an accepted order stands. A refused order is never an ack: it is a failed result whose
/// <see cref="Errors.KrakenError"/> carries the venue's status verbatim (e.g. <c>postWouldExecute</c>).
/// </summary>
public enum VenueOrderStatus
{
    /// <summary>Accepted and resting, nothing filled yet.</summary>
    Placed,

    /// <summary>Accepted and partly filled; the rest is open.</summary>
    PartiallyFilled,

    /// <summary>Accepted and completely filled.</summary>
    Filled,

    /// <summary>Accepted, then closed before filling completely (an immediate-or-cancel remainder, a dead man's switch).</summary>
    Cancelled,
}
