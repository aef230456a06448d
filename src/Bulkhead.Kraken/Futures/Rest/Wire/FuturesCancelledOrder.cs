using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>One order a cancel-all removed (<c>cancelledOrders[]</c>).</summary>
/// <param name="OrderId"><c>order_id</c>.</param>
/// <param name="ClientOrderId"><c>cliOrdId</c>, when set.</param>
internal sealed record FuturesCancelledOrder(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("cliOrdId")] string? ClientOrderId);
