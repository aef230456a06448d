namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>One order event of a <c>level3</c> update: <c>add</c>, <c>modify</c> or <c>delete</c>, and its time.</summary>
/// <param name="Event">The event's wire name.</param>
/// <param name="Order">The order (for <c>delete</c>, as last published).</param>
/// <param name="Timestamp">The event's <c>timestamp</c>.</param>
internal readonly record struct OrderEvent(string Event, WireOrder Order, DateTimeOffset Timestamp);
