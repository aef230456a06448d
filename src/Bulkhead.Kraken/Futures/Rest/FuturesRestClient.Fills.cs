using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest.Internal;
using Bulkhead.Kraken.Futures.Rest.Wire;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Futures.Rest;

/// <summary>Fills with their fees: <c>GET /fills</c> paged back by <see cref="FuturesPaging"/>, fees from the account log by <see cref="FuturesFillFees"/>.</summary>
public sealed partial class FuturesRestClient : IFillVenue
{
    /// <summary>Fees are booked with the fill; the log is read from this much before the oldest fill asked for.</summary>
    private static readonly TimeSpan FeeLookBack = TimeSpan.FromSeconds(1);

    async Task<KrakenResult<IReadOnlyList<VenueFill>>> IFillVenue.GetFillsAsync(VenueFillQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var fresh = new List<FuturesFill>();
        await foreach (var page in FuturesPaging.FillPagesAsync(GetFillsAsync, cancellationToken).ConfigureAwait(false))
        {
            if (!page.Success)
            {
                return page.Error;
            }

            var reachedSince = false;
            var allKnown = true;
            foreach (var fill in page.Value)
            {
                if (query.Since is { } since && fill.FillTime < since)
                {
                    reachedSince = true;
                }
                else if (query.IsKnown?.Invoke(fill.FillId) != true)
                {
                    allKnown = false;
                    fresh.Add(fill);
                }
            }

            if (reachedSince || (query.StopAtKnownPage && allKnown))
            {
                break;
            }
        }

        var fees = new Dictionary<string, VenueFee>(StringComparer.Ordinal);
        if (fresh.Count > 0)
        {
            var read = await ReadFeesAsync(fresh, fees, cancellationToken).ConfigureAwait(false);
            if (!read.Success)
            {
                return read.Error;
            }
        }

        var fills = new List<VenueFill>(fresh.Count);
        foreach (var f in fresh)
        {
            if (ParseSide(f.Side) is not { } side)
            {
                return Unexpected("fills", $"fill {f.FillId} has side '{f.Side}'");
            }

            bool? maker = f.FillType switch { "maker" => true, "taker" or "takerAfterEdit" => false, _ => null };
            var fee = fees.GetValueOrDefault(f.FillId) ?? new VenueFee(0m, FuturesFillFees.DefaultCurrency);
            fills.Add(new VenueFill(f.FillId, f.OrderId, f.ClientOrderId, f.Symbol.ToUpperInvariant(), side, f.Size, f.Price, f.FillTime!.Value, maker, fee));
        }

        return KrakenResult<IReadOnlyList<VenueFill>>.Ok(fills);
    }

    /// <summary>Reads the account log forward from just before the oldest of <paramref name="fills"/> and sums each one's fee.</summary>
    private async Task<KrakenResult<bool>> ReadFeesAsync(List<FuturesFill> fills, Dictionary<string, VenueFee> fees, CancellationToken cancellationToken)
    {
        var wanted = fills.Select(f => f.FillId).ToHashSet(StringComparer.Ordinal);
        var since = fills.Min(f => f.FillTime!.Value) - FeeLookBack;
        await foreach (var page in FuturesPaging.LogPagesAsync(LogPageAsync, since: since, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!page.Success)
            {
                return page.Error;
            }

            foreach (var entry in page.Value)
            {
                var added = FuturesFillFees.Add(fees, wanted, entry);
                if (!added.Success)
                {
                    return added.Error;
                }
            }
        }

        return KrakenResult<bool>.Ok(true);
    }

    /// <summary>One forward page of the account log for <see cref="FuturesPaging.LogPagesAsync"/>.</summary>
    private Task<KrakenResult<FuturesAccountLog>> LogPageAsync(long? fromId, DateTimeOffset? since, CancellationToken cancellationToken) =>
        GetAccountLogAsync(since: since, count: FuturesPaging.LogPageSize, oldestFirst: true, fromId: fromId, cancellationToken: cancellationToken);
}
