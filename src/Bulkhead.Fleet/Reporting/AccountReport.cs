using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Fleet.Reporting;

/// <summary>One account's balances valued in USD and its P&amp;L as the exchange shows it.</summary>
/// <param name="Account">The master or a subaccount.</param>
/// <param name="Venue">The venue its reconciler key reads.</param>
/// <param name="IsMaster">Whether it is the master.</param>
/// <param name="Balances">Each asset held, valued.</param>
/// <param name="ValueUsd">Σ balance values.</param>
/// <param name="UnrealisedUsd">Open Futures positions at the marks against the exchange's entry prices (0 for Spot).</param>
/// <param name="NetFlowsUsd">Money moved in (deposits, transfers in) minus out, valued at the marks.</param>
/// <param name="ExchangePnlUsd">Value + unrealised − net flows: the P&amp;L the exchange's books imply.</param>
/// <param name="FundingUsd">Funding received (negative: paid) on perpetual positions, valued at the marks; part of <paramref name="ExchangePnlUsd"/>.</param>
/// <param name="OtherBookingsUsd">Other money the ledger booked outside fills (settlements, conversions, adjustments), valued at the marks; part of <paramref name="ExchangePnlUsd"/>.</param>
public sealed record AccountReport(
    string Account,
    Venue Venue,
    bool IsMaster,
    IReadOnlyList<BalanceLine> Balances,
    decimal ValueUsd,
    decimal UnrealisedUsd,
    decimal NetFlowsUsd,
    decimal ExchangePnlUsd,
    decimal FundingUsd,
    decimal OtherBookingsUsd)
{
    /// <summary>Balances plus unrealised P&amp;L.</summary>
    public decimal EquityUsd => ValueUsd + UnrealisedUsd;

    /// <summary>
    /// The P&amp;L the account's fills made, as the exchange's books imply it: <see cref="ExchangePnlUsd"/> less funding and
    /// other bookings. The fill journal knows only fills, so this is what its P&amp;L must equal.
    /// </summary>
    public decimal TradingPnlUsd => ExchangePnlUsd - FundingUsd - OtherBookingsUsd;
}
