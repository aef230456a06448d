using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// What the exchange says about one account, read with the account's reconciler key: balances, the net money moved in
/// or out (deposits, transfers, withdrawals: every ledger / account-log entry that is not a trade), its executions and,
/// for Futures, its positions and margin.
/// </summary>
/// <param name="Account">The master or a subaccount.</param>
/// <param name="Venue">The venue its reconciler key sees (Spot: the spot wallet; Futures: the flex wallet).</param>
/// <param name="IsMaster">Whether it is the master account.</param>
/// <param name="Process">The reconciler process whose key read it.</param>
/// <param name="Balances">Asset → quantity.</param>
/// <param name="NetFlows">Asset → net quantity moved in (negative: out) by non-trade entries.</param>
/// <param name="Fills">Its executions, oldest first.</param>
/// <param name="Positions">Open Futures positions (empty for Spot).</param>
/// <param name="Margin">Futures margin figures (null for Spot).</param>
public sealed record AccountStatement(
    string Account,
    Venue Venue,
    bool IsMaster,
    string Process,
    IReadOnlyDictionary<string, decimal> Balances,
    IReadOnlyDictionary<string, decimal> NetFlows,
    IReadOnlyList<ExchangeFill> Fills,
    IReadOnlyList<FuturesExposure> Positions,
    FuturesMarginFigures? Margin);
