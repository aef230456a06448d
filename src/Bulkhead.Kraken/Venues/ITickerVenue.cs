using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Venues;

/// <summary>Tickers of one venue (public data; no key needed).</summary>
public interface ITickerVenue
{
    /// <summary>
    /// The tickers of <paramref name="symbols"/>, named as asked; a symbol the venue does not list is left out (a failure
    /// only when the venue refuses the read).
    /// </summary>
    Task<KrakenResult<IReadOnlyList<VenueTicker>>> GetTickersAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default);
}
