using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Venues;

/// <summary>Open positions of one account of one venue.</summary>
public interface IPositionVenue
{
    /// <summary>The account's open positions.</summary>
    Task<KrakenResult<IReadOnlyList<VenuePosition>>> GetOpenPositionsAsync(CancellationToken cancellationToken = default);
}
