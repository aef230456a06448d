using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Fleet.Reconciliation;

/// <summary>One account reconciled: its fills both ways and its P&amp;L both ways.</summary>
/// <param name="Account">The master or a subaccount.</param>
/// <param name="Venue">The venue read.</param>
/// <param name="Process">The reconciler process whose key read the exchange.</param>
/// <param name="JournalFills">How many fills the journal has for it.</param>
/// <param name="ExchangeFills">How many the exchange lists.</param>
/// <param name="ExchangePnlUsd">The fills' P&amp;L as the exchange's books imply it: balances (+ open Futures P&amp;L) − net deposits/transfers/withdrawals − funding − other non-fill bookings, at the marks (<see cref="Reporting.AccountReport.TradingPnlUsd"/>).</param>
/// <param name="JournalPnlUsd">The journal's fills by <see cref="Fills.FillPnl"/> at the same marks.</param>
/// <param name="AllowanceUsd">The rounding allowance (see <see cref="FleetReconciler.RoundingUnitUsd"/>).</param>
/// <param name="Differences">Every difference found; empty when clean.</param>
public sealed record AccountReconciliation(
    string Account,
    Venue Venue,
    string Process,
    int JournalFills,
    int ExchangeFills,
    decimal ExchangePnlUsd,
    decimal JournalPnlUsd,
    decimal AllowanceUsd,
    IReadOnlyList<ReconciliationDifference> Differences)
{
    /// <summary>Whether nothing differs.</summary>
    public bool IsClean => Differences.Count == 0;
}
