namespace Bulkhead.Runtime.Supervisor.Hosts;

/// <summary>How <see cref="HostOwnership"/> holds its processes.</summary>
public sealed record HostOwnershipOptions
{
    /// <summary>
    /// The variable a host's supervisor sets for its workers with the lease time in seconds (invariant decimal): their
    /// key leases then live as long as the process leases.
    /// </summary>
    public const string LeaseTimeVariable = "BULKHEAD_LEASE_TIME";

    /// <summary>The default lease time of a process lease and the heartbeat's freshness.</summary>
    public static readonly TimeSpan DefaultLeaseTime = TimeSpan.FromSeconds(15);

    /// <summary>The clock and timers.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>
    /// How long a process lease lives unless renewed (renewed, and the heartbeat written, every third of it); a host whose
    /// heartbeat is older than this counts as gone. The supervisor fences itself half of it after its last renewal.
    /// </summary>
    /// <value>15 s.</value>
    public TimeSpan LeaseTime { get; init; } = DefaultLeaseTime;

    /// <summary>How long a preferred host must have been alive before the holder hands its process back.</summary>
    /// <value>60 s.</value>
    public TimeSpan HandBackAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Receives what happens to the leases; null: dropped.</summary>
    public Action<string>? Log { get; init; }
}
