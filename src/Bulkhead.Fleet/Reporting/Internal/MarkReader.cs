using Bulkhead.Fleet.Fills;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Reporting.Internal;

/// <summary>Reads the public marks through <see cref="IMarketVenue"/>: each Spot pair's and Futures contract's ticker mark, and USD per asset (its USD pair's mark).</summary>
internal static class MarkReader
{
    public static async Task<MarkPrices> ReadAsync(IMarketVenue spot, IMarketVenue? futures, IEnumerable<string> symbols, IEnumerable<string> assets, TimeProvider time, CancellationToken cancellationToken)
    {
        var marks = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var assetMarks = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var instruments = (await spot.GetInstrumentsAsync(cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
        var listed = instruments.Select(i => i.Symbol).ToHashSet(StringComparer.Ordinal);
        var wanted = symbols.ToHashSet(StringComparer.Ordinal);
        var spotPairs = wanted.Where(listed.Contains).ToHashSet(StringComparer.Ordinal);
        var usdPairs = assets.Where(a => !FillPnl.IsUsd(a)).Select(a => (Asset: a, Pair: UsdPairOf(instruments, a))).Where(x => x.Pair is not null).ToList();
        spotPairs.UnionWith(usdPairs.Select(x => x.Pair!));

        foreach (var ticker in (await spot.GetTickersAsync([.. spotPairs.Order(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false)).GetValueOrThrow())
        {
            if (ticker.Mark is { } mark)
            {
                marks[ticker.Symbol] = mark;
            }
        }

        foreach (var (asset, pair) in usdPairs)
        {
            if (marks.TryGetValue(pair!, out var mark))
            {
                assetMarks[asset] = mark;
            }
        }

        var contracts = wanted.Where(s => !listed.Contains(s)).ToList();
        if (futures is not null && contracts.Count > 0)
        {
            foreach (var ticker in (await futures.GetTickersAsync(contracts, cancellationToken).ConfigureAwait(false)).GetValueOrThrow())
            {
                if (ticker.Mark is { } mark)
                {
                    marks[ticker.Symbol] = mark;
                }
            }
        }

        return new MarkPrices(time.GetUtcNow(), marks, assetMarks);
    }

    /// <summary>The first (by name) instrument trading <paramref name="asset"/> against USD, or null.</summary>
    public static string? UsdPairOf(IReadOnlyList<VenueInstrument> instruments, string asset) =>
        instruments.Where(i => i.Base == asset && i.Quote is { } quote && FillPnl.IsUsd(quote)).Select(i => i.Symbol).Order(StringComparer.Ordinal).FirstOrDefault();
}
