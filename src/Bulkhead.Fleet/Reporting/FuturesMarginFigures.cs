namespace Bulkhead.Fleet.Reporting;

/// <summary>The Futures flex (multi-collateral) account's margin figures (<c>accounts</c>, <c>flex</c>), in USD.</summary>
/// <param name="PortfolioValue">Collateral plus unrealised P&amp;L: the equity liquidation is measured against.</param>
/// <param name="InitialMargin">Initial margin of the open positions.</param>
/// <param name="MaintenanceMargin">Maintenance margin: equity below it is liquidated.</param>
/// <param name="AvailableMargin">What new orders may still use.</param>
public sealed record FuturesMarginFigures(decimal PortfolioValue, decimal InitialMargin, decimal MaintenanceMargin, decimal AvailableMargin)
{
    /// <summary>Portfolio value ÷ maintenance margin, to 4 decimals (liquidation at 1); null without maintenance margin (no positions).</summary>
    public decimal? MarginLevel => MaintenanceMargin > 0m ? decimal.Round(PortfolioValue / MaintenanceMargin, 4) : null;
}
