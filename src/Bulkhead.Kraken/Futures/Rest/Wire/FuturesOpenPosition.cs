using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>An open position (<c>GET /openpositions</c>, <c>openPositions[]</c>).</summary>
/// <param name="Side"><c>long</c> or <c>short</c>.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Price">Average entry price.</param>
/// <param name="FillTime">Last fill time (deprecated by Kraken, still sent).</param>
/// <param name="Size">Unsigned size.</param>
/// <param name="UnrealisedFunding">Unrealised funding.</param>
/// <param name="ProfitAndLossCurrency">Currency of profit and loss (multi-collateral only).</param>
/// <param name="MaxFixedLeverage">Present when the position is isolated.</param>
internal sealed record FuturesOpenPosition(
    [property: JsonPropertyName("side")] string Side,
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("price")] decimal Price,
    [property: JsonPropertyName("fillTime")] DateTimeOffset? FillTime,
    [property: JsonPropertyName("size")] decimal Size,
    [property: JsonPropertyName("unrealizedFunding")] decimal? UnrealisedFunding,
    [property: JsonPropertyName("pnlCurrency")] string? ProfitAndLossCurrency,
    [property: JsonPropertyName("maxFixedLeverage")] decimal? MaxFixedLeverage);
