namespace Bulkhead.Fleet.Reporting;

/// <summary>A Futures subaccount's margin (flex account) and each position's distance to liquidation.</summary>
/// <param name="Account">The subaccount.</param>
/// <param name="PortfolioValueUsd">Equity (collateral + unrealised).</param>
/// <param name="InitialMarginUsd">Initial margin of the positions.</param>
/// <param name="MaintenanceMarginUsd">Maintenance margin.</param>
/// <param name="AvailableMarginUsd">Margin still available.</param>
/// <param name="MarginLevel">Portfolio value ÷ maintenance margin (liquidation at 1; null without positions).</param>
/// <param name="Positions">Distance to liquidation per position.</param>
public sealed record FuturesRiskReport(
    string Account,
    decimal PortfolioValueUsd,
    decimal InitialMarginUsd,
    decimal MaintenanceMarginUsd,
    decimal AvailableMarginUsd,
    decimal? MarginLevel,
    IReadOnlyList<LiquidationDistance> Positions);
