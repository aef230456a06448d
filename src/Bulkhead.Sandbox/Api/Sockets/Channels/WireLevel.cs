namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>One level as the <c>book</c> channel printed it: the price (to compare) and both numbers' wire digits.</summary>
/// <param name="Price">The price.</param>
/// <param name="PriceText">The price with the instrument's price decimals.</param>
/// <param name="QtyText">The quantity with the instrument's quantity decimals (<c>0.00000000</c> for a removal).</param>
internal readonly record struct WireLevel(decimal Price, string PriceText, string QtyText);
