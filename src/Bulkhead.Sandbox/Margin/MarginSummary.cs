namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// One account's margin figures in USD (Kraken's <c>accounts.flex</c>): collateral value, unrealised P&amp;L, equity and
/// the initial and maintenance margin of its positions (and open orders). No haircuts: collateral value = balance value.
/// </summary>
/// <param name="BalanceValue">USD value of the flex collateral (<c>balanceValue</c>, <c>collateralValue</c>).</param>
/// <param name="UnrealisedPnl">Unrealised P&amp;L of the open positions at mark (<c>pnl</c>, <c>totalUnrealized</c>).</param>
/// <param name="InitialMargin">Initial margin of the positions (<c>initialMargin</c>).</param>
/// <param name="InitialMarginWithOrders">Initial margin of the positions and open orders (<c>initialMarginWithOrders</c>).</param>
/// <param name="MaintenanceMargin">Maintenance margin of the positions (<c>maintenanceMargin</c>).</param>
public readonly record struct MarginSummary(decimal BalanceValue, decimal UnrealisedPnl, decimal InitialMargin, decimal InitialMarginWithOrders, decimal MaintenanceMargin)
{
    /// <summary>Collateral value plus unrealised P&amp;L (<c>portfolioValue</c>, <c>marginEquity</c>).</summary>
    public decimal Equity => BalanceValue + UnrealisedPnl;

    /// <summary>Equity minus the initial margin of positions and open orders (<c>availableMargin</c>); may be negative.</summary>
    public decimal AvailableMargin => Equity - InitialMarginWithOrders;

    /// <summary>True when the account holds positions and its equity is below their maintenance margin: liquidate.</summary>
    public bool BelowMaintenance => MaintenanceMargin > 0m && Equity < MaintenanceMargin;
}
