using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>The multi-collateral margin wallet (<c>accounts.flex</c>, <c>type: multiCollateralMarginAccount</c>); values in USD.</summary>
/// <param name="Currencies">Holdings per currency.</param>
/// <param name="BalanceValue">USD value of all collateral.</param>
/// <param name="PortfolioValue">Balance value plus unrealised profit and loss.</param>
/// <param name="CollateralValue">USD value usable as margin after haircuts.</param>
/// <param name="InitialMargin">Initial margin of open positions.</param>
/// <param name="InitialMarginWithOrders">Initial margin of positions and open orders.</param>
/// <param name="MaintenanceMargin">Maintenance margin of open positions.</param>
/// <param name="ProfitAndLoss">Unrealised profit and loss (<c>pnl</c>).</param>
/// <param name="UnrealisedFunding">Unrealised funding.</param>
/// <param name="MarginEquity">Margin equity.</param>
/// <param name="AvailableMargin">Margin equity minus initial margin.</param>
internal sealed record FuturesFlexAccount(
    [property: JsonPropertyName("currencies")] IReadOnlyDictionary<string, FuturesFlexCurrency> Currencies,
    [property: JsonPropertyName("balanceValue")] decimal? BalanceValue,
    [property: JsonPropertyName("portfolioValue")] decimal PortfolioValue,
    [property: JsonPropertyName("collateralValue")] decimal? CollateralValue,
    [property: JsonPropertyName("initialMargin")] decimal? InitialMargin,
    [property: JsonPropertyName("initialMarginWithOrders")] decimal? InitialMarginWithOrders,
    [property: JsonPropertyName("maintenanceMargin")] decimal? MaintenanceMargin,
    [property: JsonPropertyName("pnl")] decimal? ProfitAndLoss,
    [property: JsonPropertyName("unrealizedFunding")] decimal? UnrealisedFunding,
    [property: JsonPropertyName("marginEquity")] decimal? MarginEquity,
    [property: JsonPropertyName("availableMargin")] decimal AvailableMargin);
