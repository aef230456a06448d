using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// What the exchange says about one account, read with the account's reconciler key: balances, the net money moved in
/// or out (deposits, transfers, withdrawals), the money its ledger booked outside fills (funding, settlements,
/// conversions, adjustments), its executions and, for Futures, its positions and margin. Every ledger entry is one of
/// these: a fill's (trade, liquidation: explained by <paramref name="Fills"/>), a flow, funding, or another booking.
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
    FuturesMarginFigures? Margin)
{
    /// <summary>Asset (upper case) → funding received (negative: paid) on perpetual positions, from the ledger's funding entries.</summary>
    /// <value>Empty.</value>
    public IReadOnlyDictionary<string, decimal> Funding { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>Asset (upper case) → money the ledger booked that is neither a fill, a flow nor funding (settlements, conversions, fee credits, adjustments).</summary>
    /// <value>Empty.</value>
    public IReadOnlyDictionary<string, decimal> OtherBookings { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal);
}
