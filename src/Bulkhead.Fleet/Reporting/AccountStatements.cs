using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// Reads one account's <see cref="AccountStatement"/>, on either venue, only through <see cref="IAccountVenue"/>: balances
/// (every wallet, per currency), the ledger (money moved in or out, funding, other bookings), every fill with its fee
/// (<see cref="IFillVenue"/>: the fees the runtime journals), the open positions and the margin wallet's figures. From a
/// <see cref="StatementProgress"/> it asks the exchange only for the ledger entries and fills booked after it.
/// </summary>
public static class AccountStatements
{
    /// <summary>Reads <paramref name="account"/>'s whole history through <paramref name="venue"/> (opened with its reconciler key).</summary>
    /// <exception cref="Kraken.Errors.KrakenException">The exchange refused a read.</exception>
    public static async Task<AccountStatement> ReadAsync(IAccountVenue venue, Venue kind, string account, bool isMaster, string process, CancellationToken cancellationToken) =>
        (await ReadAsync(venue, kind, account, isMaster, process, StatementProgress.Start, cancellationToken).ConfigureAwait(false)).Statement;

    /// <summary>
    /// Reads <paramref name="account"/> from where <paramref name="since"/> stopped: the ledger after its cursor, the fills
    /// from its newest fill on; balances, positions and margin as they are now. When the new entries do not continue the
    /// history <paramref name="since"/> added up (an exchange reset) or its cursor is not this transport's, the whole history
    /// is read again.
    /// </summary>
    /// <returns>The statement (whole history) and the progress to keep for the next read, with the fills new in this read.</returns>
    /// <exception cref="Kraken.Errors.KrakenException">The exchange refused a read.</exception>
    public static async Task<AccountStatementRead> ReadAsync(IAccountVenue venue, Venue kind, string account, bool isMaster, string process, StatementProgress since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(since);
        var held = (await venue.GetBalancesAsync(cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
        var balances = held.Balances
            .GroupBy(b => b.Currency.ToUpperInvariant(), StringComparer.Ordinal)
            .Select(g => (Currency: g.Key, Quantity: g.Sum(b => b.Quantity)))
            .Where(b => b.Quantity != 0m)
            .ToDictionary(b => b.Currency, b => b.Quantity, StringComparer.Ordinal);
        var margin = held.Margin is { } m ? new FuturesMarginFigures(m.PortfolioValue, m.InitialMargin ?? 0m, m.MaintenanceMargin ?? 0m, m.AvailableMargin) : null;

        var ledger = await LedgerAfterAsync(venue, since, cancellationToken).ConfigureAwait(false);
        var restarted = false;
        if (ledger is null || !Continues(since, ledger.Entries))
        {
            restarted = true;
            since = StatementProgress.Start;
            ledger = (await venue.GetLedgerAsync(null, cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
        }

        var known = since.Fills.Select(f => f.FillId).ToHashSet(StringComparer.Ordinal);
        var query = since.Fills.Count == 0 ? VenueFillQuery.All : new VenueFillQuery { Since = since.Fills.Max(f => f.Time), IsKnown = known.Contains };
        var fresh = (await venue.GetFillsAsync(query, cancellationToken).ConfigureAwait(false)).GetValueOrThrow()
            .Where(f => known.Add(f.FillId))
            .ToList();
        var fills = since.Fills.Concat(fresh).OrderBy(f => f.Time).ThenBy(f => f.FillId, StringComparer.Ordinal).ToList();

        var positions = (await venue.GetOpenPositionsAsync(cancellationToken).ConfigureAwait(false)).GetValueOrThrow()
            .Where(p => p.Size != 0m)
            .Select(p => new FuturesExposure(p.Symbol, p.Side == PositionSide.Short ? -p.Size : p.Size, p.AveragePrice))
            .ToList();

        var progress = Add(since, ledger, fills);
        var statement = new AccountStatement(account, kind, isMaster, process, balances, progress.NetFlows, fills, positions, margin)
        {
            Funding = progress.Funding,
            OtherBookings = progress.OtherBookings,
        };
        return new AccountStatementRead(statement, progress, fresh, restarted);
    }

    /// <summary>Money moved in or out of the account: deposits, withdrawals, transfers (between accounts, or Spot ↔ Futures).</summary>
    public static bool IsFlow(VenueLedgerKind kind) => kind is VenueLedgerKind.Deposit or VenueLedgerKind.Withdrawal or VenueLedgerKind.Transfer;

    /// <summary>Booked by a fill (its realised P&amp;L and fee, or its legs): explained by the fill journal.</summary>
    public static bool IsFill(VenueLedgerKind kind) => kind is VenueLedgerKind.Trade or VenueLedgerKind.Liquidation;

    /// <summary>The entries after <paramref name="since"/>'s cursor; null when the cursor is not the transport's (then read everything).</summary>
    private static async Task<VenueLedger?> LedgerAfterAsync(IAccountVenue venue, StatementProgress since, CancellationToken cancellationToken)
    {
        try
        {
            return (await venue.GetLedgerAsync(since.LedgerCursor, cancellationToken).ConfigureAwait(false)).GetValueOrThrow();
        }
        catch (ArgumentException) when (since.LedgerCursor is not null)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="entries"/> continue the history <paramref name="since"/> added up: for every wallet and
    /// currency it knows a balance of, some new entry starts from that balance (balance after − change). Entries booked
    /// at one instant may come in any order, so the check does not rely on their order.
    /// </summary>
    private static bool Continues(StatementProgress since, IReadOnlyList<VenueLedgerEntry> entries) =>
        entries.Where(e => e.Balance is not null)
            .GroupBy(StatementProgress.BalanceKey, StringComparer.Ordinal)
            .All(g => !since.LastBalances.TryGetValue(g.Key, out var last) || g.Any(e => e.Balance - e.Change == last));

    private static StatementProgress Add(StatementProgress since, VenueLedger ledger, List<VenueFill> fills)
    {
        var flows = new Dictionary<string, decimal>(since.NetFlows, StringComparer.Ordinal);
        var funding = new Dictionary<string, decimal>(since.Funding, StringComparer.Ordinal);
        var other = new Dictionary<string, decimal>(since.OtherBookings, StringComparer.Ordinal);
        var last = new Dictionary<string, decimal>(since.LastBalances, StringComparer.Ordinal);
        foreach (var entry in ledger.Entries)
        {
            var sums = IsFill(entry.Kind) ? null : IsFlow(entry.Kind) ? flows : entry.Kind == VenueLedgerKind.Funding ? funding : other;
            if (sums is not null)
            {
                var currency = entry.Currency.ToUpperInvariant();
                sums[currency] = sums.GetValueOrDefault(currency) + entry.Change;
            }

        }

        // The balance each wallet and currency ended at: the entry no other new entry continues from (order-free, as above).
        foreach (var wallet in ledger.Entries.Where(e => e.Balance is not null).GroupBy(StatementProgress.BalanceKey, StringComparer.Ordinal))
        {
            var entries = wallet.ToList();
            var end = entries.LastOrDefault(e => !entries.Any(f => f != e && f.Balance - f.Change == e.Balance)) ?? entries[^1];
            last[wallet.Key] = end.Balance!.Value;
        }

        return new StatementProgress(ledger.Cursor, flows, funding, other, last, fills);
    }
}
