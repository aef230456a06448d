using System.Globalization;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;

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
            var log = Read(await Futures.GetAccountLogAsync(count: 1, cancellationToken: cancellationToken).ConfigureAwait(false), "account log");
            var newest = log.Logs.Count == 0 ? 0L : log.Logs.Max(e => e.Id);
            return new TreasuryCursor(TreasuryCursor.FuturesLog, log.Logs.Count == 0 ? null : log.Logs.Max(e => e.Date), [newest.ToString(CultureInfo.InvariantCulture)]);
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
            var log = Read(await Futures.GetAccountLogAsync(count: 1000, cancellationToken: cancellationToken).ConfigureAwait(false), "account log");
            found.AddRange(log.Logs
                .Where(e => cursor.IsAfter(e.Date ?? DateTimeOffset.MinValue, e.Id.ToString(CultureInfo.InvariantCulture)))
                .Where(e => string.Equals(e.MarginAccount, "cash", StringComparison.OrdinalIgnoreCase) && string.Equals(e.Asset, currency, StringComparison.OrdinalIgnoreCase))
                .Where(e => e.Info is null || e.Info.Contains("transfer", StringComparison.OrdinalIgnoreCase))
                .Where(e => e.NewBalance - e.OldBalance == change)
                .OrderBy(e => e.Id)
                .Select(e => new TreasuryEvidence(e.Id.ToString(CultureInfo.InvariantCulture), e.BookingUid ?? e.Id.ToString(CultureInfo.InvariantCulture), e.Date ?? default, step.Asset, change)));
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
