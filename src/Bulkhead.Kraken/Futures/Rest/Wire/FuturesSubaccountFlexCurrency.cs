using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>One currency of a subaccount's multi-collateral wallet (an array entry, unlike <c>/accounts</c>).</summary>
/// <param name="Currency">The currency.</param>
/// <param name="Quantity">Quantity held.</param>
/// <param name="Value">USD value.</param>
/// <param name="Collateral">Value after the haircut.</param>
/// <param name="Available">Quantity available.</param>
internal sealed record FuturesSubaccountFlexCurrency(
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("quantity")] decimal Quantity,
    [property: JsonPropertyName("value")] decimal? Value,
    [property: JsonPropertyName("collateral")] decimal? Collateral,
    [property: JsonPropertyName("available")] decimal? Available);
