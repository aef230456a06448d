using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>One fill (<c>GET /fills</c>, <c>fills[]</c>).</summary>
/// <param name="FillId"><c>fill_id</c>.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side"><c>buy</c> or <c>sell</c>.</param>
/// <param name="OrderId"><c>order_id</c>.</param>
/// <param name="ClientOrderId"><c>cliOrdId</c>, when set.</param>
/// <param name="Size">Quantity filled.</param>
/// <param name="Price">Price.</param>
/// <param name="FillTime">When.</param>
/// <param name="FillType"><c>maker</c>, <c>taker</c>, <c>liquidation</c>, ….</param>
internal sealed record FuturesFill(
    [property: JsonPropertyName("fill_id")] string FillId,
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("side")] string Side,
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("cliOrdId")] string? ClientOrderId,
    [property: JsonPropertyName("size")] decimal Size,
    [property: JsonPropertyName("price")] decimal Price,
    [property: JsonPropertyName("fillTime")] DateTimeOffset? FillTime,
    [property: JsonPropertyName("fillType")] string? FillType);
