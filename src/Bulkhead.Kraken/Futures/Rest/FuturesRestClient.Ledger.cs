using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest.Internal;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Futures.Rest;

/// <summary>The ledger: the account log (history API) read forward by entry id through <see cref="FuturesPaging"/>.</summary>
public sealed partial class FuturesRestClient : ILedgerVenue
{
    async Task<KrakenResult<VenueLedger>> ILedgerVenue.GetLedgerAsync(VenueLedgerCursor? after, CancellationToken cancellationToken)
    {
        var last = after is { } cursor ? FuturesLedger.LastId(cursor) : 0L;
        var entries = new List<VenueLedgerEntry>();
        await foreach (var page in FuturesPaging.LogPagesAsync(LogPageAsync, fromId: last + 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!page.Success)
            {
                return page.Error;
            }

            var mapped = FuturesLedger.Map(page.Value);
            if (!mapped.Success)
            {
                return mapped.Error;
            }

            entries.AddRange(mapped.Value);
            last = Math.Max(last, page.Value[^1].Id);
        }

        return KrakenResult<VenueLedger>.Ok(new VenueLedger(entries, FuturesLedger.Cursor(last)));
    }

    async Task<KrakenResult<VenueLedgerCursor>> ILedgerVenue.GetLedgerEndAsync(CancellationToken cancellationToken)
    {
        var newest = await GetAccountLogAsync(count: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        return newest.Map(log => FuturesLedger.Cursor(log.Logs.Count == 0 ? 0L : log.Logs.Max(e => e.Id)));
    }
}
