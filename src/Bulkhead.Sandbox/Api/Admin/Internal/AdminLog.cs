using Microsoft.Extensions.Logging;

namespace Bulkhead.Sandbox.Api.Admin.Internal;

/// <summary>The admin API's log messages (event ids 5100–5199). Never a token or a secret.</summary>
internal static partial class AdminLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Error, Message = "Admin request {Method} {Path} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Admin request {Method} {Path} refused: missing or wrong bearer token")]
    public static partial void Unauthorized(ILogger logger, string method, string path);
}
