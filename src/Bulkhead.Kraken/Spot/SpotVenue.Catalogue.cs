using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Venues;
using Bulkhead.Kraken.Venues.Internal;

namespace Bulkhead.Kraken.Spot;

public sealed partial class SpotVenue
{
    /// <inheritdoc />
    public async Task<KrakenResult<IReadOnlyList<VenueInstrument>>> GetInstrumentsAsync(CancellationToken cancellationToken = default)
    {
        var pairs = await PairsAsync(cancellationToken).ConfigureAwait(false);
        return pairs.Map<IReadOnlyList<VenueInstrument>>(index => [.. index.Pairs.Values.Select(p => new VenueInstrument(
            p.AltName,
            p.Base,
            p.Quote,
            p.TickSize ?? DecimalStep.Of(p.PriceDecimals),
            DecimalStep.Of(p.LotDecimals),
            p.OrderMinimum,
            p.Status is null || p.IsOnline))]);
    }

    /// <inheritdoc />
    /// <remarks>One <c>Ticker</c> call per symbol; the mark is the mid, or the last price when a side is empty.</remarks>
    public async Task<KrakenResult<IReadOnlyList<VenueTicker>>> GetTickersAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var pairs = await PairsAsync(cancellationToken).ConfigureAwait(false);
        if (!pairs.Success)
        {
            return pairs.Error;
        }

        var tickers = new List<VenueTicker>();
        foreach (var symbol in symbols.Distinct(StringComparer.Ordinal).Where(s => pairs.Value.Find(s) is not null))
        {
            var ticker = await _client.GetTickerAsync(symbol, cancellationToken).ConfigureAwait(false);
            if (!ticker.Success)
            {
                return ticker.Error;
            }

            var t = ticker.Value;
            decimal? bid = t.BidPrice > 0m ? t.BidPrice : null;
            decimal? ask = t.AskPrice > 0m ? t.AskPrice : null;
            decimal? last = t.LastPrice > 0m ? t.LastPrice : null;
            tickers.Add(new VenueTicker(symbol, bid, ask, last, bid is { } b && ask is { } a ? (b + a) / 2m : last));
        }

        return KrakenResult<IReadOnlyList<VenueTicker>>.Ok(tickers);
    }
}
