namespace Bulkhead.Dashboard.Documents;

/// <summary>
/// <c>GET /api/fleet</c> (Contract D): everything the page shows, in one document; also what <c>/api/events</c> pushes.
/// Each part carries its own <c>error</c>: a source that cannot be read leaves its part empty with the reason, never the
/// whole document.
/// </summary>
/// <param name="Fleet">The fleet's name.</param>
/// <param name="Environment">The manifest environment the fleet runs in.</param>
/// <param name="Time">When the document was composed (UTC).</param>
/// <param name="Exchange">Whether the exchange answered the last public read.</param>
/// <param name="Tree">Master → subaccounts → strategies → processes → keys, with health.</param>
/// <param name="Balances">Balances per account, valued in USD.</param>
/// <param name="Pnl">P&amp;L per strategy and consolidated.</param>
/// <param name="Equity">Equity curves per strategy.</param>
/// <param name="Fees">The consolidated 30-day volume against the fee ladder.</param>
/// <param name="Margin">Futures margin per subaccount.</param>
/// <param name="Audit">The audit's findings.</param>
/// <param name="Treasury">The treasury journal.</param>
/// <param name="Operations">The kill switch and the operators' actions.</param>
/// <param name="Alerts">The alert rules at work.</param>
public sealed record FleetDocument(
    string Fleet,
    string Environment,
    DateTimeOffset Time,
    ExchangeState Exchange,
    TreeDocument Tree,
    BalancesPart Balances,
    PnlPart Pnl,
    EquityPart Equity,
    FeesPart Fees,
    MarginPart Margin,
    AuditPart Audit,
    TreasuryPart Treasury,
    OperationsPart Operations,
    AlertsPart Alerts);
