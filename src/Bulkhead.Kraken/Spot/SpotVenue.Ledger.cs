using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot.Internal;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Spot;

public sealed partial class SpotVenue
{
    /// <inheritdoc />
    /// <remarks><c>Ledgers</c> pages (50, newest first) from one second before the cursor's time, turned oldest first.</remarks>
    public async Task<KrakenResult<VenueLedger>> GetLedgerAsync(VenueLedgerCursor? after = null, CancellationToken cancellationToken = default)
    {
        var position = after is { } cursor ? SpotLedgerCursor.Parse(cursor) : SpotLedgerCursor.Start;
        var read = await ReadNewestFirstAsync(position.QueryStart, maxPages: null, cancellationToken).ConfigureAwait(false);
        if (!read.Success)
        {
            return read.Error;
        }

        // Newest first → oldest first; a stable sort keeps the exchange's order among entries of one time.
        var entries = read.Value.Where(position.IsBefore).Reverse().OrderBy(e => e.Time).ToList();
        return KrakenResult<VenueLedger>.Ok(new VenueLedger([.. entries.Select(Map)], position.After(entries).Encode()));
    }

    /// <inheritdoc />
    public async Task<KrakenResult<VenueLedgerCursor>> GetLedgerEndAsync(CancellationToken cancellationToken = default)
    {
        // Newest first: the newest time, and every entry booked at exactly that time (usually all on the first page).
        var newest = new List<LedgerEntry>();
        await foreach (var page in SpotPaging.PagesAsync((offset, ct) => _client.GetLedgersAsync(offset: offset, cancellationToken: ct), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!page.Success)
            {
                return page.Error;
            }

            var items = page.Value.Items;
            var time = newest.Count > 0 ? newest[0].Time : items.Count > 0 ? items[0].Time : (DateTimeOffset?)null;
            newest.AddRange(items.TakeWhile(e => e.Time == time && newest.TrueForAll(n => n.Id != e.Id)));
            if (items.Any(e => e.Time != time))
            {
                break;
            }
        }

        newest.Reverse();
        return KrakenResult<VenueLedgerCursor>.Ok(SpotLedgerCursor.Start.After(newest).Encode());
    }

    private async Task<KrakenResult<List<LedgerEntry>>> ReadNewestFirstAsync(DateTimeOffset? start, int? maxPages, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<LedgerEntry>();
        await foreach (var page in SpotPaging.PagesAsync((offset, ct) => _client.GetLedgersAsync(start: start, offset: offset, cancellationToken: ct), maxPages, cancellationToken).ConfigureAwait(false))
        {
            if (!page.Success)
            {
                return page.Error;
            }

            // Offset pages shift while entries arrive: an id may come twice.
            entries.AddRange(page.Value.Items.Where(e => seen.Add(e.Id)));
        }

        return KrakenResult<List<LedgerEntry>>.Ok(entries);
    }

    private static VenueLedgerEntry Map(LedgerEntry e) => new(
        e.Id,
        e.ReferenceId,
        e.Time,
        KindOf(e.Type),
        WalletKind.Spot,
        Wallet,
        e.Asset,
        e.Amount,
        e.Fee,
        e.BalanceAfter,
        e.Type == "trade" ? e.ReferenceId : null,
        null);

    /// <summary>The kind of a ledger entry by its <c>type</c> (spot.md; unknown types are <see cref="VenueLedgerKind.Other"/>).</summary>
    private static VenueLedgerKind KindOf(string type) => type switch
    {
        "trade" => VenueLedgerKind.Trade,
        "deposit" => VenueLedgerKind.Deposit,
        "withdrawal" => VenueLedgerKind.Withdrawal,
        "transfer" => VenueLedgerKind.Transfer,
        "settled" => VenueLedgerKind.Settlement,
        "conversion" => VenueLedgerKind.Conversion,
        _ => VenueLedgerKind.Other,
    };
}
