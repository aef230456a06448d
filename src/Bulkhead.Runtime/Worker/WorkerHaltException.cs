namespace Bulkhead.Runtime.Worker;

/// <summary>
/// Unwinds a worker to its exit: a halt (authentication → <see cref="WorkerExitCodes.HaltedAuth"/>, risk →
/// <see cref="WorkerExitCodes.HaltedRisk"/>), a lost lease or a configuration problem found while running.
/// The message is the <c>reason</c> of the <c>halted</c> line (or the <c>error</c> line's message); never a secret.
/// </summary>
public sealed class WorkerHaltException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkerHaltException(int exitCode, string reason)
        : base(reason) => ExitCode = exitCode;

    /// <summary>Creates the exception (a crash).</summary>
    public WorkerHaltException()
        : this(WorkerExitCodes.Crashed, "the worker stopped")
    {
    }

    /// <summary>Creates the exception (a crash).</summary>
    public WorkerHaltException(string message)
        : this(WorkerExitCodes.Crashed, message)
    {
    }

    /// <summary>Creates the exception (a crash).</summary>
    public WorkerHaltException(string message, Exception innerException)
        : base(message, innerException) => ExitCode = WorkerExitCodes.Crashed;

    /// <summary>A halt or failure with its exit code, reason and cause.</summary>
    public WorkerHaltException(int exitCode, string reason, Exception innerException)
        : base(reason, innerException) => ExitCode = exitCode;

    /// <summary>The exit code the worker ends with.</summary>
    public int ExitCode { get; }

    /// <summary>True for the two halts the supervisor never restarts (4 and 5): a <c>halted</c> line is written.</summary>
    public bool IsHalt => ExitCode is WorkerExitCodes.HaltedAuth or WorkerExitCodes.HaltedRisk or WorkerExitCodes.HaltedStrategy;
}
