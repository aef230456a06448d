using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>An order as order events carry it (<c>OrderJson</c>).</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="ClientOrderId">The client order id.</param>
/// <param name="Type"><c>lmt</c>, <c>ioc</c>, <c>post</c>, ….</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side"><c>buy</c> or <c>sell</c>.</param>
/// <param name="Quantity">Order quantity.</param>
/// <param name="Filled">Filled quantity.</param>
/// <param name="LimitPrice">Limit price.</param>
/// <param name="ReduceOnly">Reduce-only flag.</param>
/// <param name="Timestamp">Creation time.</param>
internal sealed record FuturesEventOrder(
    [property: JsonPropertyName("orderId")] string? OrderId,
    [property: JsonPropertyName("cliOrdId")] string? ClientOrderId,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("symbol")] string? Symbol,
    [property: JsonPropertyName("side")] string? Side,
    [property: JsonPropertyName("quantity")] decimal? Quantity,
    [property: JsonPropertyName("filled")] decimal? Filled,
    [property: JsonPropertyName("limitPrice")] decimal? LimitPrice,
    [property: JsonPropertyName("reduceOnly")] bool? ReduceOnly,
    [property: JsonPropertyName("timestamp")] DateTimeOffset? Timestamp);
