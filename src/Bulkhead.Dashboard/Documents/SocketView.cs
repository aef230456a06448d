namespace Bulkhead.Dashboard.Documents;

/// <summary>A streaming process's socket, from its last heartbeat.</summary>
/// <param name="State"><c>connected</c>, <c>reconnecting</c> or <c>down</c>.</param>
/// <param name="Venue"><c>spot-ws</c> (Spot WebSocket v2) or <c>unified-ws</c> (the Unified WebSocket).</param>
/// <param name="Subscriptions">Its subscriptions.</param>
/// <param name="LastMessageAgeSeconds">Seconds since its last message when the heartbeat was written (null: none yet).</param>
/// <param name="Reconnects">Reconnections since the worker started.</param>
/// <param name="BookResyncs">Books resynchronised after a checksum mismatch since the worker started.</param>
public sealed record SocketView(string State, string? Venue, IReadOnlyList<string> Subscriptions, double? LastMessageAgeSeconds, long Reconnects, long BookResyncs);
