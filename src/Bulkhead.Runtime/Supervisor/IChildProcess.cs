namespace Bulkhead.Runtime.Supervisor;

/// <summary>One started worker, as the supervisor drives it. The real one is an OS process; tests use a fake.</summary>
public interface IChildProcess : IDisposable
{
    /// <summary>Its OS process id.</summary>
    int Pid { get; }

    /// <summary>Completes when it has exited and its stdout is drained (every status line delivered).</summary>
    Task<ChildExit> Exited { get; }

    /// <summary>Asks it to stop gracefully (SIGTERM).</summary>
    void Terminate();

    /// <summary>
    /// Tells it the fleet's kill switch was pulled (a line on its stdin: it then leaves its dead man's switch set to fire
    /// instead of disarming it), then asks it to stop (SIGTERM).
    /// </summary>
    void TerminateForKillSwitch();

    /// <summary>Kills it (SIGKILL).</summary>
    void Kill();
}
