namespace Bulkhead.Runtime.Supervisor;

/// <summary>How <see cref="FleetSupervisor"/> runs a fleet (Contract S).</summary>
public sealed record FleetSupervisorOptions
{
    /// <summary>The manifest environment every worker runs in (<c>--env</c>); null: the manifest's default environment.</summary>
    public string? Environment { get; init; }

    /// <summary>Run only this process (<c>--only NAME</c>); null: every trader and dashboard process.</summary>
    public string? Only { get; init; }

    /// <summary>The clock (backoff waits, stop grace, timestamps).</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>Starts the workers (<see cref="OsChildLauncher"/>; a fake in tests).</summary>
    public required IChildLauncher Launcher { get; init; }

    /// <summary>Receives the supervisor's own messages and every worker's stderr lines, prefixed with the process name; null: dropped.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The first backoff after a crash.</summary>
    /// <value>1 s.</value>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff (it doubles per consecutive crash up to this).</summary>
    /// <value>30 s.</value>
    public TimeSpan MaximumBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A worker up at least this long before it crashes starts its backoff over from <see cref="InitialBackoff"/>.</summary>
    /// <value>60 s.</value>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// One supervisor per host: which processes this host may run and when (its process leases,
    /// <see cref="Hosts.HostOwnership"/>); null: every supervised process runs here (one host).
    /// </summary>
    public Hosts.IProcessOwnership? Ownership { get; init; }

    /// <summary>How long a graceful stop waits after SIGTERM before it sends SIGKILL.</summary>
    /// <value>15 s.</value>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
