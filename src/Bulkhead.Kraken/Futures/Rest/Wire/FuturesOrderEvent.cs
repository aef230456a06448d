using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>One order event (<c>orderEvents[]</c>): <c>PLACE</c>, <c>EXECUTION</c>, <c>CANCEL</c>, <c>EDIT</c>, <c>REJECT</c>.</summary>
/// <param name="Type">The event type.</param>
/// <param name="Order">The order (PLACE, CANCEL, REJECT).</param>
/// <param name="ExecutionId">The execution id (EXECUTION).</param>
/// <param name="Price">The execution price (EXECUTION).</param>
/// <param name="Amount">The executed quantity (EXECUTION).</param>
/// <param name="OrderPriorExecution">The order before the execution (EXECUTION).</param>
/// <param name="Reason">Why an order was rejected (REJECT).</param>
/// <param name="Uid">The affected order id (CANCEL, REJECT).</param>
internal sealed record FuturesOrderEvent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("order")] FuturesEventOrder? Order,
    [property: JsonPropertyName("executionId")] string? ExecutionId,
    [property: JsonPropertyName("price")] decimal? Price,
    [property: JsonPropertyName("amount")] decimal? Amount,
    [property: JsonPropertyName("orderPriorExecution")] FuturesEventOrder? OrderPriorExecution,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("uid")] string? Uid);
