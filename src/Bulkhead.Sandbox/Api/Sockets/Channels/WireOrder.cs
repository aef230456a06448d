namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>One order as the <c>level3</c> channel printed it: its identity and priority (to diff) and its numbers' wire digits.</summary>
/// <param name="OrderId">The order's txid.</param>
/// <param name="Price">The limit price (to group and compare levels).</param>
/// <param name="PriceText">The limit price with the instrument's price decimals.</param>
/// <param name="QtyText">The resting quantity with the instrument's quantity decimals.</param>
/// <param name="Priority">Its time priority; a change means it rejoined the back of its level.</param>
/// <param name="OpenedAt">When the order was accepted (its <c>timestamp</c> in snapshots and <c>add</c> events).</param>
internal readonly record struct WireOrder(string OrderId, decimal Price, string PriceText, string QtyText, long Priority, DateTimeOffset OpenedAt);
