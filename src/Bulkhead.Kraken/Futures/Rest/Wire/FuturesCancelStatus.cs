using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>The outcome of <c>cancelorder</c> or <c>cancelallorders</c> (<c>cancelStatus</c>).</summary>
/// <param name="OrderId"><c>order_id</c> (cancelorder).</param>
/// <param name="Status"><c>cancelled</c>, <c>noOrdersToCancel</c>, or why not (<c>notFound</c>, <c>filled</c>).</param>
/// <param name="ReceivedTime">When Kraken received it.</param>
/// <param name="CancelOnly"><c>all</c> or the symbol (cancelallorders).</param>
/// <param name="CancelledOrders">The orders removed (cancelallorders).</param>
/// <param name="OrderEvents">CANCEL events.</param>
internal sealed record FuturesCancelStatus(
    [property: JsonPropertyName("order_id")] string? OrderId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("receivedTime")] DateTimeOffset? ReceivedTime,
    [property: JsonPropertyName("cancelOnly")] string? CancelOnly,
    [property: JsonPropertyName("cancelledOrders")] IReadOnlyList<FuturesCancelledOrder>? CancelledOrders,
    [property: JsonPropertyName("orderEvents")] IReadOnlyList<FuturesOrderEvent>? OrderEvents);
