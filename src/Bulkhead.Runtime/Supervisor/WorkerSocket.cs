namespace Bulkhead.Runtime.Supervisor;

/// <summary>
/// A streaming worker's socket, from its heartbeat (<c>socket*</c> fields): what an operator needs to see of it.
/// </summary>
/// <param name="State"><c>connected</c>, <c>reconnecting</c> or <c>down</c>.</param>
/// <param name="Venue">The journal's name of its endpoint: <c>spot-ws</c> or <c>unified-ws</c>.</param>
/// <param name="Subscriptions">Its subscriptions (channel and symbol), as the client lists them.</param>
/// <param name="LastMessageMs">Milliseconds since its last message, or null before the first.</param>
/// <param name="Reconnects">Reconnections since the worker started.</param>
/// <param name="BookResyncs">Books resynchronised (a checksum mismatch, then a fresh snapshot) since the worker started.</param>
public sealed record WorkerSocket(string State, string? Venue, IReadOnlyList<string> Subscriptions, long? LastMessageMs, long Reconnects, long BookResyncs);
