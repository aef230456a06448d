namespace Bulkhead.Kraken.Sockets;

/// <summary>A <see cref="KrakenSocketClient"/>'s health at one moment (what a dashboard shows per socket).</summary>
/// <param name="State">The connection's state.</param>
/// <param name="Session">The current (or last) connection's number; 0 before the first.</param>
/// <param name="Reconnects">Connections opened after the first.</param>
/// <param name="SilentAborts">Connections the watchdog aborted because nothing arrived for <see cref="KrakenSocketOptions.SilenceTimeout"/>.</param>
/// <param name="BookResyncs">Books asked for again after a checksum mismatch or an unreadable message.</param>
/// <param name="MessagesReceived">Frames received over all connections.</param>
/// <param name="MalformedMessages">Channel messages that could not be read (counted and skipped).</param>
/// <param name="LastMessageAge">Time since the last frame arrived; null before the first connection.</param>
/// <param name="PendingRequests">Requests sent and not yet answered.</param>
/// <param name="Subscriptions">What is subscribed (e.g. <c>book BTC/USD 10</c>, <c>executions</c>).</param>
public sealed record SocketClientStats(
    SocketConnectionState State,
    int Session,
    long Reconnects,
    long SilentAborts,
    long BookResyncs,
    long MessagesReceived,
    long MalformedMessages,
    TimeSpan? LastMessageAge,
    int PendingRequests,
    IReadOnlyList<string> Subscriptions);
