using Microsoft.Extensions.Logging;

namespace Bulkhead.Kraken;

/// <summary>All log messages of Bulkhead.Kraken, with fixed event ids. None carries a secret, a signature or a request body.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Kraken call {Venue} {Endpoint} with key {MaskedKey}")]
    public static partial void CallStarted(ILogger logger, string venue, string endpoint, string maskedKey);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Kraken call {Venue} {Endpoint} with key {MaskedKey} failed: {Code} ({Category}, {Origin})")]
    public static partial void CallFailed(ILogger logger, string venue, string endpoint, string maskedKey, string code, Errors.KrakenErrorCategory category, Errors.KrakenErrorOrigin origin);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Retrying Kraken call {Venue} {Endpoint} (attempt {Attempt}) after {Delay}: {Code}")]
    public static partial void Retrying(ILogger logger, string venue, string endpoint, int attempt, TimeSpan delay, string code);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Kraken key {MaskedKey} is halted locally: {Reason}")]
    public static partial void KeyHalted(ILogger logger, string maskedKey, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Order placement {Endpoint} with client order id {ClientOrderId} failed transiently ({Code}); checking whether it landed before resending")]
    public static partial void CheckingOrderLanded(ILogger logger, string endpoint, string clientOrderId, string code);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "WebSocket {Url} connected (session {Session})")]
    public static partial void SocketConnected(ILogger logger, Uri url, int session);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "WebSocket {Url} session {Session} ended: {Reason}")]
    public static partial void SocketDisconnected(ILogger logger, Uri url, int session, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "WebSocket {Url} reconnecting in {Delay} (attempt {Attempt})")]
    public static partial void SocketReconnecting(ILogger logger, Uri url, TimeSpan delay, int attempt);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "WebSocket {Url} session {Session} received nothing for {Silence}: aborting it")]
    public static partial void SocketSilent(ILogger logger, Uri url, int session, TimeSpan silence);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Book {Symbol} (depth {Depth}) lost synchronisation ({Result}): resubscribing")]
    public static partial void BookResync(ILogger logger, string symbol, int depth, Sockets.Books.BookApplyResult result);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "WebSocket {Url}: subscribing {Subscription} again failed: {Code}")]
    public static partial void ResubscribeFailed(ILogger logger, Uri url, string subscription, string code);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Debug, Message = "WebSocket token renewed; it lapses unused at {LapsesAt:O}")]
    public static partial void TokenRenewed(ILogger logger, DateTimeOffset lapsesAt);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "Fetching a WebSocket token failed: {Code}")]
    public static partial void TokenFetchFailed(ILogger logger, string code);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Warning, Message = "WebSocket {Url} connect attempt {Attempt} failed: {Reason}")]
    public static partial void SocketConnectFailed(ILogger logger, Uri url, int attempt, string reason);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Debug, Message = "WebSocket {Url}: a response to {Method} with req_id {ReqId} matched no request")]
    public static partial void UnmatchedResponse(ILogger logger, Uri url, string method, long? reqId);
}
