using System.Runtime.CompilerServices;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Spot;

/// <summary>
/// Walks an offset-paged Spot history (Ledgers, TradesHistory, ClosedOrders: newest first, at most 50 per page) page by
/// page. The caller stops whenever it has seen enough; a failed page is yielded once and ends the walk.
/// </summary>
public static class SpotPaging
{
    /// <summary>What Kraken returns per page at most.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// Each page from offset 0 on, until a page is short, the total count is reached, <paramref name="maxPages"/> pages were
    /// read, or a page fails (yielded, then the walk ends).
    /// </summary>
    /// <param name="page">Reads the page at an offset.</param>
    /// <param name="maxPages">The most pages to read (null: all).</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    public static async IAsyncEnumerable<KrakenResult<SpotPage<T>>> PagesAsync<T>(
        Func<int, CancellationToken, Task<KrakenResult<SpotPage<T>>>> page,
        int? maxPages = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var offset = 0;
        for (var read = 0; maxPages is null || read < maxPages; read++)
        {
            var next = await page(offset, cancellationToken).ConfigureAwait(false);
            yield return next;
            if (!next.Success || next.Value.Items.Count < PageSize || offset + next.Value.Items.Count >= next.Value.TotalCount)
            {
                yield break;
            }

            offset += next.Value.Items.Count;
        }
    }
}
