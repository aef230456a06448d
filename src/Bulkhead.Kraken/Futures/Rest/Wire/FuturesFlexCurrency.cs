using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>One currency of the multi-collateral wallet.</summary>
/// <param name="Quantity">Quantity held.</param>
/// <param name="Value">USD value.</param>
/// <param name="Collateral">USD value usable as margin after the haircut.</param>
/// <param name="Available">Quantity available.</param>
internal sealed record FuturesFlexCurrency(
    [property: JsonPropertyName("quantity")] decimal Quantity,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("collateral")] decimal? Collateral,
    [property: JsonPropertyName("available")] decimal? Available);
