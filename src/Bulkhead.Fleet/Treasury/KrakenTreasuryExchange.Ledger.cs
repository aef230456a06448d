using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Treasury;

public sealed partial class KrakenTreasuryExchange
{
    private const int MaxPages = 40;

    /// <inheritdoc />
    public async Task<TreasuryCursor> CursorAsync(TreasuryStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Kind == TreasuryStepKind.FuturesSubaccountTransfer)
        {
            var end = Read(await Futures.Ledger.GetLedgerEndAsync(cancellationToken).ConfigureAwait(false), "derivatives ledger");
            return new TreasuryCursor(TreasuryCursor.FuturesLog, null, [end.Value]);
        }

        // Newest first: the newest time, and every id booked at exactly that time (ledger ids carry no order).
        DateTimeOffset? newestTime = null;
        var ids = new List<string>();
        await foreach (var page in SpotPaging.PagesAsync((offset, ct) => spot.GetLedgersAsync(step.Asset, offset: offset, cancellationToken: ct), MaxPages, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entry in Read(page, "ledger").Items)
            {
                newestTime ??= entry.Time;
                if (entry.Time != newestTime)
                {
                    return new TreasuryCursor(TreasuryCursor.SpotLedger, newestTime, [.. ids]);
                }

                ids.Add(entry.Id);
            }
        }

        return new TreasuryCursor(TreasuryCursor.SpotLedger, newestTime, [.. ids]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TreasuryEvidence>> FindAsync(TreasuryStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var cursor = step.Cursor ?? throw new ArgumentException($"step {step.Index} has no cursor: it was never started", nameof(step));
        var change = MasterChange(step);
        var found = new List<TreasuryEvidence>();
        if (step.Kind == TreasuryStepKind.FuturesSubaccountTransfer)
        {
            var currency = TreasuryAssets.FuturesCurrency(step.Asset);
            var after = cursor.Ids.IsDefaultOrEmpty ? (VenueLedgerCursor?)null : new VenueLedgerCursor(cursor.Ids[0]);
            var ledger = Read(await Futures.Ledger.GetLedgerAsync(after, cancellationToken).ConfigureAwait(false), "derivatives ledger");
            found.AddRange(ledger.Entries
                .Where(e => e.WalletKind == WalletKind.Holding && string.Equals(e.Currency, currency, StringComparison.OrdinalIgnoreCase))
                .Where(e => e.Kind == VenueLedgerKind.Transfer && e.Change == change)
                .Select(e => new TreasuryEvidence(e.EntryId, e.Reference ?? e.EntryId, e.Time, step.Asset, change)));
            return found;
        }

        var type = step.Kind == TreasuryStepKind.Withdrawal ? "withdrawal" : "transfer";
        var start = cursor.Time is { } t ? t - Slack : (DateTimeOffset?)null;
        await foreach (var page in SpotPaging.PagesAsync((offset, ct) => spot.GetLedgersAsync(step.Asset, start, offset: offset, cancellationToken: ct), MaxPages, cancellationToken).ConfigureAwait(false))
        {
            found.AddRange(Read(page, "ledger").Items
                .Where(e => cursor.IsAfter(e.Time, e.Id) && e.Type == type && e.Amount == change)
                .Select(e => new TreasuryEvidence(e.Id, e.ReferenceId, e.Time, e.Asset, e.Amount)));
        }

        return [.. found.OrderBy(e => e.Time)];
    }

    private static T Read<T>(KrakenResult<T> result, string what) =>
        result.Success ? result.Value : throw new TreasuryExchangeException($"reading the master's {what} failed: {result.Error}");
}
