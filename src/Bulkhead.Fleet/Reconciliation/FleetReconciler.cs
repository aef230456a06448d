using System.Globalization;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Fleet.Sessions;

namespace Bulkhead.Fleet.Reconciliation;

/// <summary>
/// Reconciles the fill journal with the exchange, account by account through each account's reconciler key: every fill
/// both ways (missing, extra, field mismatches, exact decimals), then the P&amp;L check — the exchange's balances minus
/// net deposits/transfers/withdrawals, funding and other non-fill bookings at the marks against the journal's
/// <see cref="FillPnl"/> at the same marks — and the consolidated check (Σ strategies = Σ accounts). Run it while the fleet is stopped or quiet: a fill landing
/// between the reads shows as a difference.
/// </summary>
public static class FleetReconciler
{
    /// <summary>
    /// One unit of USD's last booked decimal. The exchange books each fill's cost (Spot: floored to 4 decimals) and
    /// realised P&amp;L (Futures: rounded to 4 decimals) and reports entry prices rounded, while the journal keeps the
    /// exact products of quantity and price; so the two P&amp;L figures may differ by less than this per exchange fill and
    /// per open position, and by nothing else. The check allows exactly that.
    /// </summary>
    public const decimal RoundingUnitUsd = 0.0001m;

    /// <summary>Reads the exchange and the journal once (<see cref="FleetReview"/>) and reconciles them (in-process API of <c>bulkhead reconcile</c>).</summary>
    /// <exception cref="ProcessSessionException">A reconciler key cannot be opened (configuration, held by another process, store).</exception>
    public static async Task<ReconciliationResult> RunAsync(FleetManifest manifest, ProcessSessionOptions options, CancellationToken cancellationToken) =>
        Compare(await FleetReview.ReadAsync(manifest, options, cancellationToken).ConfigureAwait(false));

    /// <summary>Reconciles one read of the fleet (no I/O).</summary>
    public static ReconciliationResult Compare(FleetReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return Compare(review.Statement, review.Fills, review.Time);
    }

    /// <summary>Reconciles <paramref name="fills"/> with <paramref name="statement"/> (no I/O).</summary>
    public static ReconciliationResult Compare(FleetStatement statement, IReadOnlyList<JournalFill> fills, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(fills);
        var marks = statement.Marks;
        var accounts = statement.Accounts.Select(a => Account(a, fills.Where(f => f.Account == a.Account).ToList(), marks)).ToList();
        var consolidated = new List<ReconciliationDifference>();
        var known = statement.Accounts.Select(a => a.Account).ToHashSet(StringComparer.Ordinal);
        foreach (var stray in fills.Where(f => !known.Contains(f.Account)))
        {
            consolidated.Add(new(stray.Account, DifferenceKind.Extra, stray.FillId, null, Describe(stray), null,
                $"journal fill {stray.FillId} of account '{stray.Account}', which the manifest does not name"));
        }

        var strategies = fills.GroupBy(f => f.Strategy, StringComparer.Ordinal).Sum(g => Valuation.Strategy(g.Key, g.First().Account, g, marks).PnlUsd);
        var exchange = accounts.Sum(a => a.ExchangePnlUsd);
        var allowance = accounts.Sum(a => a.AllowanceUsd);
        if (Math.Abs(strategies - exchange) > allowance)
        {
            consolidated.Add(new(null, DifferenceKind.Consolidated, null, "pnl", Text(strategies), Text(exchange),
                $"Σ per-strategy P&L {Text(strategies)} USD ≠ consolidated P&L of master and subaccounts {Text(exchange)} USD (allowance {Text(allowance)})"));
        }

        return new ReconciliationResult(time, statement.Environment, marks, accounts, strategies, exchange, allowance, consolidated);
    }

    private static AccountReconciliation Account(AccountStatement statement, List<JournalFill> journal, MarkPrices marks)
    {
        var differences = FillComparison.Compare(statement, journal);
        // Funding and other bookings are the exchange's, not the fills': the journal's P&L is the fills' alone.
        var exchangePnl = Valuation.Account(statement, marks).TradingPnlUsd;
        var journalPnl = Valuation.Strategy(statement.Account, statement.Account, journal, marks).PnlUsd;
        var allowance = RoundingUnitUsd * (statement.Fills.Count + statement.Positions.Count);
        if (Math.Abs(exchangePnl - journalPnl) > allowance)
        {
            differences.Add(new(statement.Account, DifferenceKind.Pnl, null, "pnl", Text(journalPnl), Text(exchangePnl),
                $"{statement.Account}: P&L from the exchange's balances and ledgers {Text(exchangePnl)} USD ≠ the journal's {Text(journalPnl)} USD (difference {Text(exchangePnl - journalPnl)}, allowance {Text(allowance)})"));
        }

        return new AccountReconciliation(statement.Account, statement.Venue, statement.Process, journal.Count, statement.Fills.Count, exchangePnl, journalPnl, allowance, differences);
    }

    internal static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Describe(JournalFill f) => $"{f.Side} {Text(f.Quantity)} {f.Symbol} @ {Text(f.Price)} fee {Text(f.Fee)}";
}
