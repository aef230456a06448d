using Bulkhead.Fleet.Reporting;

namespace Bulkhead.Fleet.Reconciliation;

/// <summary>The fill journal against the exchange, per account and consolidated (plain records: serializable as JSON).</summary>
/// <param name="Time">When it ran.</param>
/// <param name="Environment">The manifest environment.</param>
/// <param name="Marks">The marks both P&amp;L sides were valued at.</param>
/// <param name="Accounts">Master first, then subaccounts.</param>
/// <param name="StrategiesPnlUsd">Σ per-strategy P&amp;L from the journal.</param>
/// <param name="ConsolidatedPnlUsd">Σ per-account P&amp;L of the fills from the exchange (master + subaccounts; funding and other non-fill bookings left out, as the journal has none).</param>
/// <param name="AllowanceUsd">The consolidated rounding allowance (Σ of the accounts').</param>
/// <param name="Consolidated">The consolidated check's difference, if any, and journal fills of accounts the manifest does not name.</param>
public sealed record ReconciliationResult(
    DateTimeOffset Time,
    string Environment,
    MarkPrices Marks,
    IReadOnlyList<AccountReconciliation> Accounts,
    decimal StrategiesPnlUsd,
    decimal ConsolidatedPnlUsd,
    decimal AllowanceUsd,
    IReadOnlyList<ReconciliationDifference> Consolidated)
{
    /// <summary>Every difference, account by account, then the consolidated ones.</summary>
    public IReadOnlyList<ReconciliationDifference> Differences => [.. Accounts.SelectMany(a => a.Differences), .. Consolidated];

    /// <summary>Whether the journal and the exchange agree everywhere.</summary>
    public bool IsClean => Accounts.All(a => a.IsClean) && Consolidated.Count == 0;
}
