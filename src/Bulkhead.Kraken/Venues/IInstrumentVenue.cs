using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Venues;

/// <summary>The instrument catalogue of one venue (public data; no key needed).</summary>
public interface IInstrumentVenue
{
    /// <summary>Every instrument the venue lists (a transport may read them once and keep them).</summary>
    Task<KrakenResult<IReadOnlyList<VenueInstrument>>> GetInstrumentsAsync(CancellationToken cancellationToken = default);
}
