using Bulkhead.Fleet.Fills;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Fleet.Reporting.Internal;

/// <summary>Reads the public marks: Spot mid prices per pair (Ticker), Futures mark prices (tickers), USD per asset.</summary>
internal static class MarkReader
{
    public static async Task<MarkPrices> ReadAsync(SpotClient spot, FuturesRestClient? futures, SpotPairs pairs, IEnumerable<string> symbols, IEnumerable<string> assets, TimeProvider time, CancellationToken cancellationToken)
    {
        var marks = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var assetMarks = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var spotPairs = symbols.Where(pairs.IsSpot).Select(pairs.AltName).ToHashSet(StringComparer.Ordinal);
        foreach (var asset in assets.Where(a => !FillPnl.IsUsd(a)))
        {
            if (pairs.UsdPairOf(asset) is { } pair)
            {
                spotPairs.Add(pair);
            }
        }

        foreach (var pair in spotPairs.Order(StringComparer.Ordinal))
        {
            var ticker = (await spot.GetTickerAsync(pair, cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
            marks[pair] = ticker.BidPrice > 0m && ticker.AskPrice > 0m ? (ticker.BidPrice + ticker.AskPrice) / 2m : ticker.LastPrice;
        }

        foreach (var asset in assets.Where(a => !FillPnl.IsUsd(a)))
        {
            if (pairs.UsdPairOf(asset) is { } pair && marks.TryGetValue(pair, out var mark))
            {
                assetMarks[asset] = mark;
            }
        }

        var contracts = symbols.Where(s => !pairs.IsSpot(s)).ToHashSet(StringComparer.Ordinal);
        if (futures is not null && contracts.Count > 0)
        {
            foreach (var ticker in (await futures.GetTickersAsync(cancellationToken).ConfigureAwait(false)).GetValueOrThrow())
            {
                if (contracts.Contains(ticker.Symbol) && (ticker.MarkPrice ?? ticker.Last) is { } mark)
                {
                    marks[ticker.Symbol] = mark;
                }
            }
        }

        return new MarkPrices(time.GetUtcNow(), marks, assetMarks);
    }
}
