namespace Bulkhead.Runtime;

/// <summary>Names shared by the supervisor and the processes it starts.</summary>
public static class RuntimeInfo
{
    /// <summary>The hidden CLI command a supervisor starts each manifest process with: <c>bulkhead worker FILE --process NAME --env ENV</c>.</summary>
    public const string WorkerCommand = "worker";
}
