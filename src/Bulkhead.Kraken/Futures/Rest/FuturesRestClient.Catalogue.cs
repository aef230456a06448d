using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Venues;
using Bulkhead.Kraken.Venues.Internal;

namespace Bulkhead.Kraken.Futures.Rest;

/// <summary>The public catalogue: <c>GET /instruments</c> and <c>GET /tickers</c> as <see cref="IMarketVenue"/>.</summary>
public sealed partial class FuturesRestClient : IMarketVenue
{
    async Task<KrakenResult<IReadOnlyList<VenueInstrument>>> IInstrumentVenue.GetInstrumentsAsync(CancellationToken cancellationToken)
    {
        var instruments = await GetInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        return instruments.Map<IReadOnlyList<VenueInstrument>>(all => [.. all.Select(i => new VenueInstrument(
            i.Symbol.ToUpperInvariant(),
            null,
            null,
            i.TickSize,
            i.QuantityDecimals is { } decimals ? DecimalStep.Of(decimals) : null,
            null,
            i.Tradeable))]);
    }

    async Task<KrakenResult<IReadOnlyList<VenueTicker>>> ITickerVenue.GetTickersAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0)
        {
            return KrakenResult<IReadOnlyList<VenueTicker>>.Ok([]);
        }

        var tickers = await GetTickersAsync(cancellationToken).ConfigureAwait(false);
        if (!tickers.Success)
        {
            return tickers.Error;
        }

        var bySymbol = tickers.Value.DistinctBy(t => t.Symbol, StringComparer.OrdinalIgnoreCase).ToDictionary(t => t.Symbol, StringComparer.OrdinalIgnoreCase);
        var found = new List<VenueTicker>();
        foreach (var symbol in symbols.Distinct(StringComparer.Ordinal))
        {
            if (bySymbol.TryGetValue(symbol, out var t))
            {
                decimal? mid = t is { Bid: { } bid, Ask: { } ask } ? (bid + ask) / 2m : null;
                found.Add(new VenueTicker(symbol, t.Bid, t.Ask, t.Last, t.MarkPrice ?? mid ?? t.Last));
            }
        }

        return KrakenResult<IReadOnlyList<VenueTicker>>.Ok(found);
    }
}
