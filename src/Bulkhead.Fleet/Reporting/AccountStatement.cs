using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// What the exchange says about one account, read with the account's reconciler key: balances, the net money moved in
/// or out (deposits, transfers, withdrawals: every ledger / account-log entry that is not a trade), its executions and,
/// for Futures, its positions and margin.
/// </summary>
/// <param name="Account">The master or a subaccount.</param>
/// <param name="Venue">The venue its reconciler key sees (Spot: the Spot wallet; Futures: every derivatives wallet).</param>
/// <param name="IsMaster">Whether it is the master account.</param>
/// <param name="Process">The reconciler process whose key read it.</param>
/// <param name="Balances">Asset (upper case) → quantity, summed over the account's wallets.</param>
/// <param name="NetFlows">Asset (upper case) → net quantity moved in (negative: out) by deposits, withdrawals and transfers.</param>
/// <param name="Fills">Its executions with their fees (<see cref="IFillVenue"/>), oldest first.</param>
/// <param name="Positions">Open Futures positions (empty for Spot).</param>
/// <param name="Margin">Futures margin figures (null for Spot).</param>
public sealed record AccountStatement(
    string Account,
    Venue Venue,
    bool IsMaster,
    string Process,
    IReadOnlyDictionary<string, decimal> Balances,
    IReadOnlyDictionary<string, decimal> NetFlows,
    IReadOnlyList<VenueFill> Fills,
    IReadOnlyList<FuturesExposure> Positions,
    FuturesMarginFigures? Margin);
