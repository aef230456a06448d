using Microsoft.Extensions.Logging;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>The WebSocket server's log messages.</summary>
internal static partial class SocketLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "WebSocket method {Method} failed; answered EGeneral:Internal error")]
    public static partial void RequestFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "WebSocket feed {Feed} failed to publish")]
    public static partial void FeedFailed(ILogger logger, string feed, Exception exception);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "WebSocket connection {ConnectionId} closed by the server: {Reason}")]
    public static partial void ServerClosed(ILogger logger, ulong connectionId, string reason);
}
