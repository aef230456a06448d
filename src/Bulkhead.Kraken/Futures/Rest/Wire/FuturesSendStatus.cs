using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>The outcome of <c>sendorder</c> (<c>sendStatus</c>).</summary>
/// <param name="OrderId"><c>order_id</c>; absent when refused.</param>
/// <param name="Status">The status, e.g. <c>placed</c> or <c>postWouldExecute</c>.</param>
/// <param name="ReceivedTime">When Kraken received it.</param>
/// <param name="ClientOrderId"><c>cliOrdId</c>, when set.</param>
/// <param name="OrderEvents">What happened to the order.</param>
internal sealed record FuturesSendStatus(
    [property: JsonPropertyName("order_id")] string? OrderId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("receivedTime")] DateTimeOffset? ReceivedTime,
    [property: JsonPropertyName("cliOrdId")] string? ClientOrderId,
    [property: JsonPropertyName("orderEvents")] IReadOnlyList<FuturesOrderEvent>? OrderEvents);
