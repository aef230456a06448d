using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Venues;
using SpotSide = Bulkhead.Kraken.Spot.Models.OrderSide;
using VenueSide = Bulkhead.Kraken.Venues.OrderSide;

namespace Bulkhead.Kraken.Spot;

public sealed partial class SpotVenue
{
    /// <summary>The fee asset of a trade on a pair AssetPairs no longer lists.</summary>
    private const string DefaultFeeAsset = "ZUSD";

    /// <inheritdoc />
    /// <remarks><c>TradesHistory</c> pages (50, newest first); the fee is the trade's, in the pair's quote asset (Bulkhead never sets <c>fcib</c>).</remarks>
    public async Task<KrakenResult<IReadOnlyList<VenueFill>>> GetFillsAsync(VenueFillQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pairs = await PairsAsync(cancellationToken).ConfigureAwait(false);
        if (!pairs.Success)
        {
            return pairs.Error;
        }

        // start is exclusive and in whole seconds: one second earlier, then the exact time is checked here.
        var start = query.Since is { } since ? since - TimeSpan.FromSeconds(1) : (DateTimeOffset?)null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fills = new List<VenueFill>();
        await foreach (var page in SpotPaging.PagesAsync((offset, ct) => _client.GetTradesHistoryAsync(start, offset: offset, cancellationToken: ct), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!page.Success)
            {
                return page.Error;
            }

            var reachedSince = false;
            var allKnown = true;
            foreach (var t in page.Value.Items)
            {
                if (query.Since is { } s && t.Time < s)
                {
                    reachedSince = true;
                    continue;
                }

                // Offset pages shift while trades arrive: an id may come twice.
                if (!seen.Add(t.Id) || query.IsKnown?.Invoke(t.Id) == true)
                {
                    continue;
                }

                allKnown = false;
                var fee = new VenueFee(t.Fee, pairs.Value.Find(t.Pair)?.Quote ?? DefaultFeeAsset);
                fills.Add(new VenueFill(t.Id, t.OrderId, null, pairs.Value.AltName(t.Pair), t.Side == SpotSide.Buy ? VenueSide.Buy : VenueSide.Sell, t.Volume, t.Price, t.Time, t.IsMaker, fee));
            }

            if (reachedSince || (query.StopAtKnownPage && allKnown))
            {
                break;
            }
        }

        return KrakenResult<IReadOnlyList<VenueFill>>.Ok(fills);
    }
}
