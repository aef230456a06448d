namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// The fleet at one moment: balances per account valued in USD, P&amp;L per strategy from the journal, the consolidated
/// totals, the master's fee tier and Futures risk. Plain records: serialize it as JSON (<c>bulkhead report --json</c>, the dashboard).
/// </summary>
/// <param name="Time">When it was built.</param>
/// <param name="Environment">The manifest environment.</param>
/// <param name="Marks">The marks everything is valued at.</param>
/// <param name="Accounts">Master first, then subaccounts.</param>
/// <param name="Strategies">Per strategy.</param>
/// <param name="Consolidated">Totals.</param>
/// <param name="Fees">The fee tier (null when nothing Spot is traded).</param>
/// <param name="Risk">Per Futures subaccount.</param>
public sealed record FleetReport(
    DateTimeOffset Time,
    string Environment,
    MarkPrices Marks,
    IReadOnlyList<AccountReport> Accounts,
    IReadOnlyList<StrategyReport> Strategies,
    ConsolidatedReport Consolidated,
    FeeStatus? Fees,
    IReadOnlyList<FuturesRiskReport> Risk);
