namespace Bulkhead.Fleet.Hosts;

/// <summary>A host supervisor's heartbeat in the coordination store.</summary>
/// <param name="Host">The host's manifest name.</param>
/// <param name="Pid">The supervisor's operating-system process id.</param>
/// <param name="BeatAt">Its last heartbeat (its clock).</param>
/// <param name="UpSince">The first heartbeat of its current unbroken run (a gap longer than the lease time starts a new run).</param>
public sealed record HostBeat(string Host, int Pid, DateTimeOffset BeatAt, DateTimeOffset UpSince)
{
    /// <summary>Whether the host counts as alive at <paramref name="now"/>: it beat within <paramref name="ttl"/>.</summary>
    public bool IsFresh(DateTimeOffset now, TimeSpan ttl) => BeatAt + ttl > now;
}
