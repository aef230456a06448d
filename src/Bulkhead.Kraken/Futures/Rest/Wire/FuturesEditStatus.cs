using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>The outcome of <c>editorder</c> (<c>editStatus</c>).</summary>
/// <param name="OrderId"><c>orderId</c>.</param>
/// <param name="Status"><c>edited</c>, or why not.</param>
/// <param name="ReceivedTime">When Kraken received it.</param>
/// <param name="ClientOrderId"><c>cliOrdId</c>, when set.</param>
/// <param name="OrderEvents">What happened to the order.</param>
internal sealed record FuturesEditStatus(
    [property: JsonPropertyName("orderId")] string? OrderId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("receivedTime")] DateTimeOffset? ReceivedTime,
    [property: JsonPropertyName("cliOrdId")] string? ClientOrderId,
    [property: JsonPropertyName("orderEvents")] IReadOnlyList<FuturesOrderEvent>? OrderEvents);
