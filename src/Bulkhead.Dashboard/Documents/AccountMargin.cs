namespace Bulkhead.Dashboard.Documents;

/// <summary>A Futures subaccount's flex wallet margin.</summary>
/// <param name="Account">The subaccount.</param>
/// <param name="MarginLevel">Portfolio value ÷ maintenance margin (liquidation at 1; null without positions).</param>
/// <param name="EquityUsd">Portfolio value.</param>
/// <param name="InitialMarginUsd">Initial margin.</param>
/// <param name="MaintenanceMarginUsd">Maintenance margin.</param>
/// <param name="AvailableMarginUsd">Margin still available.</param>
/// <param name="Positions">Open positions (from the journal's fills) and their distance to liquidation.</param>
/// <param name="Time">When the snapshot was read.</param>
public sealed record AccountMargin(string Account, decimal? MarginLevel, decimal EquityUsd, decimal InitialMarginUsd, decimal MaintenanceMarginUsd, decimal AvailableMarginUsd, IReadOnlyList<PositionRisk> Positions, DateTimeOffset Time);
