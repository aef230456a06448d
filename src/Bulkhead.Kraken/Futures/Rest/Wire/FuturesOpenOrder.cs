using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>A resting order (<c>GET /openorders</c>, <c>openOrders[]</c>).</summary>
/// <param name="OrderId"><c>order_id</c>.</param>
/// <param name="ClientOrderId"><c>cliOrdId</c>, when set.</param>
/// <param name="Status"><c>untouched</c> or <c>partiallyFilled</c>.</param>
/// <param name="Side"><c>buy</c> or <c>sell</c>.</param>
/// <param name="OrderType"><c>lmt</c>, <c>stop</c>/<c>stp</c>, <c>take_profit</c>.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="LimitPrice">The limit price.</param>
/// <param name="StopPrice">The stop price (stops only).</param>
/// <param name="FilledSize">Filled so far.</param>
/// <param name="UnfilledSize">Still open.</param>
/// <param name="ReduceOnly">Reduce-only flag.</param>
/// <param name="ReceivedTime">When Kraken received it.</param>
/// <param name="LastUpdateTime">When it last changed.</param>
internal sealed record FuturesOpenOrder(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("cliOrdId")] string? ClientOrderId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("side")] string Side,
    [property: JsonPropertyName("orderType")] string? OrderType,
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("limitPrice")] decimal? LimitPrice,
    [property: JsonPropertyName("stopPrice")] decimal? StopPrice,
    [property: JsonPropertyName("filledSize")] decimal FilledSize,
    [property: JsonPropertyName("unfilledSize")] decimal UnfilledSize,
    [property: JsonPropertyName("reduceOnly")] bool ReduceOnly,
    [property: JsonPropertyName("receivedTime")] DateTimeOffset? ReceivedTime,
    [property: JsonPropertyName("lastUpdateTime")] DateTimeOffset? LastUpdateTime);
