using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>One order found by <c>orders/status</c> (<c>orders[]</c>): open, or finished within the last few seconds.</summary>
/// <param name="Order">The order.</param>
/// <param name="Status"><c>ENTERED_BOOK</c>, <c>FULLY_EXECUTED</c>, <c>REJECTED</c>, <c>CANCELLED</c>, <c>TRIGGER_PLACED</c>, <c>TRIGGER_ACTIVATION_FAILURE</c>.</param>
/// <param name="UpdateReason">Why it last changed (<c>NEW_USER_ORDER</c>, <c>FULL_FILL</c>, ….).</param>
/// <param name="Error">Why it was rejected (<c>INSUFFICIENT_MARGIN</c>, …).</param>
internal sealed record FuturesOrderStatus(
    [property: JsonPropertyName("order")] FuturesEventOrder Order,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("updateReason")] string? UpdateReason,
    [property: JsonPropertyName("error")] string? Error);
