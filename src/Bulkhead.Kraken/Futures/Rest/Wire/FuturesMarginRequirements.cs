using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>Margin levels of a single-collateral wallet (<c>marginRequirements</c>).</summary>
/// <param name="Initial"><c>im</c>.</param>
/// <param name="Maintenance"><c>mm</c>.</param>
/// <param name="Liquidation"><c>lt</c> (semantics unconfirmed).</param>
/// <param name="Termination"><c>tt</c> (semantics unconfirmed).</param>
internal sealed record FuturesMarginRequirements(
    [property: JsonPropertyName("im")] decimal Initial,
    [property: JsonPropertyName("mm")] decimal Maintenance,
    [property: JsonPropertyName("lt")] decimal? Liquidation,
    [property: JsonPropertyName("tt")] decimal? Termination);
