namespace Bulkhead.Runtime.Supervisor;

/// <summary>How a child process ended: its exit code (Unix: 128 + N when signal N killed it, as .NET reports).</summary>
/// <param name="ExitCode">The exit code.</param>
public readonly record struct ChildExit(int ExitCode)
{
    /// <summary>The signal that killed it, if one did (exit code above 128).</summary>
    public int? Signal => ExitCode > 128 ? ExitCode - 128 : null;
}
