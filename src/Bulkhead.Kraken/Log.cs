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
}
