using Microsoft.Extensions.Logging;

namespace Bulkhead.Fleet.Journal.Internal;

/// <summary>The journal's log messages (event ids 7300–7399).</summary>
internal static partial class JournalLog
{
    [LoggerMessage(EventId = 7301, Level = LogLevel.Error, Message = "Cannot write the call journal in {Folder}: {Reason}; calls go on, unrecorded")]
    public static partial void WriteFailed(ILogger logger, string folder, string reason);
}
