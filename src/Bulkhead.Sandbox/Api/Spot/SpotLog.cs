using Microsoft.Extensions.Logging;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>The Spot module's log messages (event ids 5100–5199).</summary>
internal static partial class SpotLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Error, Message = "Spot {Method} failed with an unexpected exception; answered EGeneral:Internal error")]
    public static partial void EndpointFailed(ILogger logger, string method, Exception exception);
}
