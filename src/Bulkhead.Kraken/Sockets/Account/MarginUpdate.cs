namespace Bulkhead.Kraken.Sockets.Account;

/// <summary>
/// A <c>margin</c> message (Unified, derivatives): the whole margin state, replacing the previous one. Field names are the
/// sandbox's (UNCONFIRMED on Kraken).
/// </summary>
/// <param name="Kind">The message's <c>type</c> (<c>multi_collateral</c> or <c>single_collateral</c>).</param>
/// <param name="PortfolioValue">Equity.</param>
/// <param name="CollateralValue">The collateral's value.</param>
/// <param name="UnrealizedPnl">Unrealised P&amp;L.</param>
/// <param name="InitialMargin">Initial margin of the positions.</param>
/// <param name="InitialMarginWithOrders">Initial margin with open orders.</param>
/// <param name="MaintenanceMargin">Maintenance margin.</param>
/// <param name="AvailableMargin">Margin available for new orders.</param>
/// <param name="MarginLevel">Equity over maintenance margin (below 1 liquidates); null without positions.</param>
/// <param name="Currencies">The collateral per currency.</param>
public sealed record MarginUpdate(
    string Kind,
    decimal PortfolioValue,
    decimal CollateralValue,
    decimal UnrealizedPnl,
    decimal InitialMargin,
    decimal InitialMarginWithOrders,
    decimal MaintenanceMargin,
    decimal AvailableMargin,
    decimal? MarginLevel,
    IReadOnlyList<CollateralBalance> Currencies);

/// <summary>One collateral currency of a <c>margin</c> message.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Quantity">How much is held.</param>
/// <param name="Value">Its value in USD.</param>
public sealed record CollateralBalance(string Asset, decimal Quantity, decimal Value);
