namespace Bulkhead.Fleet.Reporting;

/// <summary>The whole fleet (master + every subaccount).</summary>
/// <param name="EquityUsd">Σ account equity (balances valued + open Futures P&amp;L).</param>
/// <param name="NetFlowsUsd">Σ money moved in minus out.</param>
/// <param name="ExchangePnlUsd">Σ account P&amp;L as the exchange's books imply it.</param>
/// <param name="RealisedUsd">Σ strategies' realised P&amp;L.</param>
/// <param name="UnrealisedUsd">Σ strategies' unrealised P&amp;L.</param>
/// <param name="FeesUsd">Σ strategies' fees.</param>
/// <param name="PnlUsd">Σ strategies' P&amp;L (the journal's; reconciliation checks it against <paramref name="ExchangePnlUsd"/>).</param>
/// <param name="VolumeUsd">Σ strategies' traded notional.</param>
/// <param name="FundingUsd">Σ funding received (negative: paid) on the accounts' perpetual positions; in <paramref name="ExchangePnlUsd"/>, not in <paramref name="PnlUsd"/>.</param>
/// <param name="OtherBookingsUsd">Σ other non-fill bookings (settlements, conversions, adjustments); in <paramref name="ExchangePnlUsd"/>, not in <paramref name="PnlUsd"/>.</param>
public sealed record ConsolidatedReport(
    decimal EquityUsd,
    decimal NetFlowsUsd,
    decimal ExchangePnlUsd,
    decimal RealisedUsd,
    decimal UnrealisedUsd,
    decimal FeesUsd,
    decimal PnlUsd,
    decimal VolumeUsd,
    decimal FundingUsd,
    decimal OtherBookingsUsd);
