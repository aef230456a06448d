using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Venues;

/// <summary>
/// The fills of one account of one venue, each with its fee. Every reader of fills (the runtime's journal, the fleet's
/// reports and reconciliation) reads them here, so they agree on every fill and every fee.
/// </summary>
public interface IFillVenue
{
    /// <summary>
    /// The account's fills with their fees, newest first, paged back as far as <paramref name="query"/> asks (each id once).
    /// A failed page fails the whole read.
    /// </summary>
    Task<KrakenResult<IReadOnlyList<VenueFill>>> GetFillsAsync(VenueFillQuery query, CancellationToken cancellationToken = default);
}
