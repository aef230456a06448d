using System.Runtime.CompilerServices;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest.Wire;

namespace Bulkhead.Kraken.Futures.Rest;

/// <summary>
/// Walks the two Futures REST histories page by page (the Futures twin of <see cref="Spot.SpotPaging"/>): the fills back
/// in time (<c>GET /fills</c>, 100 per page, by <c>lastFillTime</c>) and the account log forward by entry id (history API,
/// <c>from</c> and <c>sort=asc</c>, <see cref="LogPageSize"/> per page). The caller stops whenever it has seen enough; a
/// failed page is yielded once and ends the walk.
/// </summary>
internal static class FuturesPaging
{
    /// <summary>What <c>GET /fills</c> returns per page at most.</summary>
    public const int FillPageSize = 100;

    /// <summary>The account-log page size asked for (cost 3 history tokens for 51–1000 entries).</summary>
    public const int LogPageSize = 1000;

    /// <summary>
    /// Pages of fills, newest first, each fill once. <c>lastFillTime</c> is exclusive and fills share milliseconds, so each
    /// next page is asked from one millisecond after the oldest fill seen and the fills already yielded are dropped; the walk
    /// ends with a short page or a page that adds nothing. A fill without <c>fillTime</c> is a protocol failure.
    /// </summary>
    /// <param name="page">Reads the (at most 100) fills before a time; null: the newest.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static async IAsyncEnumerable<KrakenResult<IReadOnlyList<FuturesFill>>> FillPagesAsync(
        Func<DateTimeOffset?, CancellationToken, Task<KrakenResult<IReadOnlyList<FuturesFill>>>> page,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? before = null;
        while (true)
        {
            var next = await page(before, cancellationToken).ConfigureAwait(false);
            if (!next.Success)
            {
                yield return next;
                yield break;
            }

            if (next.Value.FirstOrDefault(f => f.FillTime is null) is { } untimed)
            {
                yield return KrakenErrors.BadResponse($"fills: fill {untimed.FillId} has no fillTime");
                yield break;
            }

            var fresh = next.Value.Where(f => seen.Add(f.FillId)).ToList();
            if (fresh.Count > 0)
            {
                yield return KrakenResult<IReadOnlyList<FuturesFill>>.Ok(fresh);
            }

            if (fresh.Count == 0 || next.Value.Count < FillPageSize)
            {
                yield break;
            }

            before = next.Value.Min(f => f.FillTime!.Value).AddMilliseconds(1);
        }
    }

    /// <summary>
    /// Pages of the account log, oldest first, from entry id <paramref name="fromId"/> on (ids count from 1 in booking order)
    /// or, with no id, from <paramref name="since"/> (null: the first entry); each next page starts after the last id read.
    /// The walk ends with a short page.
    /// </summary>
    /// <param name="page">Reads up to <see cref="LogPageSize"/> entries, oldest first, from an id or a time.</param>
    /// <param name="fromId">The first entry id wanted, or null.</param>
    /// <param name="since">With no <paramref name="fromId"/>: the earliest time wanted, or null.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static async IAsyncEnumerable<KrakenResult<IReadOnlyList<FuturesAccountLogEntry>>> LogPagesAsync(
        Func<long?, DateTimeOffset?, CancellationToken, Task<KrakenResult<FuturesAccountLog>>> page,
        long? fromId = null,
        DateTimeOffset? since = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var from = fromId;
        var time = from is null ? since : null;
        while (true)
        {
            var next = await page(from, time, cancellationToken).ConfigureAwait(false);
            if (!next.Success)
            {
                yield return next.Error;
                yield break;
            }

            // Ids only ever grow; an answer that does not move forward would page for ever.
            var entries = next.Value.Logs.Where(e => from is null || e.Id >= from).OrderBy(e => e.Id).ToList();
            if (entries.Count > 0)
            {
                yield return KrakenResult<IReadOnlyList<FuturesAccountLogEntry>>.Ok(entries);
            }

            if (entries.Count == 0 || next.Value.Logs.Count < LogPageSize)
            {
                yield break;
            }

            from = entries[^1].Id + 1;
            time = null;
        }
    }
}
