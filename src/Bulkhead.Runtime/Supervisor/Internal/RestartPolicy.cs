using Bulkhead.Runtime.Worker;

namespace Bulkhead.Runtime.Supervisor.Internal;

/// <summary>What the supervisor does when a worker exits on its own (Contract W's exit codes).</summary>
internal static class RestartPolicy
{
    /// <summary>Whether the exit is one that is restarted with backoff: a crash (1), a held key (3), a signal, or anything unknown.</summary>
    public static bool Restarts(ChildExit exit) => exit.ExitCode switch
    {
        WorkerExitCodes.Stopped or WorkerExitCodes.Configuration or WorkerExitCodes.HaltedAuth or WorkerExitCodes.HaltedRisk or WorkerExitCodes.HaltedStrategy => false,
        _ => true,
    };

    /// <summary>The state an exit leaves the process in when it is not restarted.</summary>
    public static ProcessState FinalState(ChildExit exit) => exit.ExitCode == WorkerExitCodes.Stopped ? ProcessState.Stopped : ProcessState.Halted;

    /// <summary>The reason shown for an exit: the worker's own words when it gave some, else the exit itself.</summary>
    public static string Reason(ChildExit exit, string? told)
    {
        var prefix = exit.ExitCode switch
        {
            WorkerExitCodes.Configuration => "configuration: ",
            WorkerExitCodes.KeyHeld => "key held: ",
            WorkerExitCodes.HaltedAuth when told is not null && !told.StartsWith("auth", StringComparison.Ordinal) => "auth: ",
            WorkerExitCodes.HaltedRisk when told is not null && !told.StartsWith("risk", StringComparison.Ordinal) => "risk: ",
            WorkerExitCodes.HaltedStrategy when told is null || !told.StartsWith("strategy", StringComparison.Ordinal) => "strategy: ",
            _ => string.Empty,
        };
        var what = exit.Signal is { } signal ? $"killed by signal {signal}" : $"exit code {exit.ExitCode}";
        return told is null ? prefix + what : prefix + told + (exit.ExitCode is WorkerExitCodes.Crashed or WorkerExitCodes.KeyHeld ? $" ({what})" : string.Empty);
    }

    /// <summary>
    /// The backoff before the next start: <paramref name="initial"/> doubling per consecutive crash, capped at
    /// <paramref name="maximum"/>. <paramref name="consecutive"/> counts crashes since the process last stayed up long enough.
    /// </summary>
    public static TimeSpan Backoff(int consecutive, TimeSpan initial, TimeSpan maximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutive, 1);
        var delay = initial;
        for (var i = 1; i < consecutive && delay < maximum; i++)
        {
            delay += delay;
        }

        return delay < maximum ? delay : maximum;
    }
}
