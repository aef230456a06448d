using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>A tradeable (or index) instrument (<c>GET /instruments</c>, <c>instruments[]</c>).</summary>
/// <param name="Symbol">The symbol, e.g. <c>PF_XBTUSD</c>.</param>
/// <param name="Type">The wire type (<c>flexible_futures</c>, <c>futures_inverse</c>, <c>futures_vanilla</c>).</param>
/// <param name="Tradeable">Whether it can be traded.</param>
/// <param name="TickSize">The price step.</param>
/// <param name="ContractSize">The contract size.</param>
/// <param name="QuantityDecimals">Decimals allowed in an order size (<c>contractValueTradePrecision</c>).</param>
/// <param name="MaxPositionSize">The largest position allowed, when limited.</param>
/// <param name="OpeningDate">When it opened.</param>
/// <param name="LastTradingTime">When a dated contract stops trading; null for perpetuals.</param>
/// <param name="MarginLevels">The margin ladder.</param>
internal sealed record FuturesInstrument(
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("tradeable")] bool Tradeable,
    [property: JsonPropertyName("tickSize")] decimal? TickSize,
    [property: JsonPropertyName("contractSize")] decimal? ContractSize,
    [property: JsonPropertyName("contractValueTradePrecision")] int? QuantityDecimals,
    [property: JsonPropertyName("maxPositionSize")] decimal? MaxPositionSize,
    [property: JsonPropertyName("openingDate")] DateTimeOffset? OpeningDate,
    [property: JsonPropertyName("lastTradingTime")] DateTimeOffset? LastTradingTime,
    [property: JsonPropertyName("marginLevels")] IReadOnlyList<FuturesMarginLevel>? MarginLevels);
