using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>A subaccount's multi-collateral wallet (<c>flexAccount</c>).</summary>
/// <param name="Currencies">Holdings.</param>
/// <param name="PortfolioValue">Portfolio value (USD).</param>
/// <param name="AvailableMargin">Available margin (USD).</param>
/// <param name="InitialMargin">Initial margin (USD).</param>
/// <param name="MaintenanceMargin">Maintenance margin (USD).</param>
internal sealed record FuturesSubaccountFlex(
    [property: JsonPropertyName("currencies")] IReadOnlyList<FuturesSubaccountFlexCurrency>? Currencies,
    [property: JsonPropertyName("portfolioValue")] decimal? PortfolioValue,
    [property: JsonPropertyName("availableMargin")] decimal? AvailableMargin,
    [property: JsonPropertyName("initialMargin")] decimal? InitialMargin,
    [property: JsonPropertyName("maintenanceMargin")] decimal? MaintenanceMargin);
