using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Coordination.Internal;
using Bulkhead.Fleet.Coordination.Postgres;
using Bulkhead.Fleet.Hosts.Internal;

namespace Bulkhead.Fleet.Hosts;

/// <summary>
/// Which host runs which manifest process, in the fleet's coordination store (the same SQLite file or PostgreSQL schema
/// as the key leases; several hosts need PostgreSQL): one <b>process lease</b> per process, with a fencing token, held
/// by one host's supervisor, and each host supervisor's <b>heartbeat</b>. Every decision is one transaction that locks
/// the process's row, as for key leases. A host is alive while it beat within the lease time; a free or lapsed process
/// goes to the first live host of the process's preference list, and the holder hands a process back (stops it
/// gracefully and releases) once a host earlier in that list has been alive for the hand-back delay. Thread-safe.
/// </summary>
public sealed class HostLeases : IDisposable
{
    private readonly RelationalCoordinationStore _store;
    private readonly TimeProvider _time;
    private readonly HostTables _tables;

    private HostLeases(RelationalCoordinationStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        _tables = new HostTables(CoordinationTables.Name(store, "process_leases"), CoordinationTables.Name(store, "host_heartbeats"), forUpdate: store is PostgresCoordinationStore);
        CoordinationTables.Ensure(store, "process_leases", "host_heartbeats", _tables.Schema);
    }

    /// <summary>Where it is kept (the coordination store's description).</summary>
    public string Location => _store.ToString() ?? string.Empty;

    /// <summary>Opens the process leases in the coordination store <paramref name="specification"/> names.</summary>
    public static HostLeases Open(string specification, TimeProvider time, string? baseDirectory = null) =>
        CoordinationTables.Open(specification, time, baseDirectory, store => new HostLeases(store, time));

    /// <summary>
    /// Records a heartbeat of <paramref name="host"/>'s supervisor. Its run goes on (<see cref="HostBeat.UpSince"/> kept)
    /// while the previous beat is younger than <paramref name="ttl"/>, else a new run starts now.
    /// </summary>
    public HostBeat Beat(string host, int pid, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        return _store.Transact((c, tx) =>
        {
            var now = _time.GetUtcNow();
            var previous = _tables.Hosts(c, tx).FirstOrDefault(h => h.Host == host);
            var beat = new HostBeat(host, pid, now, previous is not null && previous.IsFresh(now, ttl) ? previous.UpSince : now);
            _tables.SaveHost(c, tx, beat);
            return beat;
        });
    }

    /// <summary>
    /// Claims <paramref name="process"/> for <paramref name="host"/> for <paramref name="ttl"/>: granted (with a new
    /// fencing token) when nobody holds it or its lease lapsed, and no host before <paramref name="host"/> in
    /// <paramref name="preference"/> is alive. A lease this host still holds is granted again with a new token (a
    /// restarted supervisor).
    /// </summary>
    /// <param name="process">The manifest process.</param>
    /// <param name="host">The claiming host.</param>
    /// <param name="preference">The process's hosts in order of preference (empty: any host, no preference).</param>
    /// <param name="ttl">The lease time.</param>
    public ProcessClaim TryClaim(string process, string host, IReadOnlyList<string> preference, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(process);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentNullException.ThrowIfNull(preference);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        return _store.Transact((c, tx) =>
        {
            var now = _time.GetUtcNow();
            var row = _tables.LoadProcess(c, tx, process);
            if (row is { Host: { } holder, ExpiresAt: { } expires } && expires > now && holder != host)
            {
                return new ProcessClaim(null, holder, expires);
            }

            if (Preferred(_tables.Hosts(c, tx), preference, host, now, ttl, TimeSpan.Zero) is { } before)
            {
                return new ProcessClaim(null, before, null);
            }

            var lease = new ProcessLease(process, host, checked(row.FencingToken + 1), now + ttl);
            _tables.SaveProcess(c, tx, new ProcessOwner(process, host, lease.FencingToken, lease.ExpiresAt));
            return new ProcessClaim(lease, null, null);
        });
    }

    /// <summary>
    /// Extends <paramref name="lease"/> to now + <paramref name="ttl"/> while it is current; says whether a host before
    /// this one in <paramref name="preference"/> has been alive for <paramref name="handBackAfter"/> (hand it back).
    /// </summary>
    public ProcessRenewal Renew(ProcessLease lease, IReadOnlyList<string> preference, TimeSpan ttl, TimeSpan handBackAfter)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(preference);
        return _store.Transact((c, tx) =>
        {
            var now = _time.GetUtcNow();
            var row = _tables.LoadProcess(c, tx, lease.Process);
            if (row.Host != lease.Host || row.FencingToken != lease.FencingToken)
            {
                return new ProcessRenewal(false, null);
            }

            _tables.SaveProcess(c, tx, row with { ExpiresAt = now + ttl });
            return new ProcessRenewal(true, Preferred(_tables.Hosts(c, tx), preference, lease.Host, now, ttl, handBackAfter));
        });
    }

    /// <summary>Gives the process up (the fencing counter stays); nothing when the lease is no longer current.</summary>
    public void Release(ProcessLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        _store.Transact((c, tx) =>
        {
            var row = _tables.LoadProcess(c, tx, lease.Process);
            if (row.Host == lease.Host && row.FencingToken == lease.FencingToken)
            {
                _tables.SaveProcess(c, tx, row with { Host = null, ExpiresAt = null });
            }

            return true;
        });
    }

    /// <summary>The key lease of <paramref name="keyName"/> (null: never leased): a standby claims a process only once its key's lease is over.</summary>
    public LeaseState? KeyLease(string keyName) => _store.Describe(keyName);

    /// <summary>Every process ever claimed: who holds it and until when.</summary>
    public IReadOnlyList<ProcessOwner> Owners() => _store.Transact(_tables.Processes);

    /// <summary>Every host supervisor that ever beat, with its last heartbeat.</summary>
    public IReadOnlyList<HostBeat> Hosts() => _store.Transact(_tables.Hosts);

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();

    /// <summary>The first host before <paramref name="host"/> in <paramref name="preference"/> alive (for at least <paramref name="upFor"/>), or null.</summary>
    private static string? Preferred(List<HostBeat> beats, IReadOnlyList<string> preference, string host, DateTimeOffset now, TimeSpan ttl, TimeSpan upFor)
    {
        foreach (var name in preference)
        {
            if (name == host)
            {
                return null;
            }

            if (beats.FirstOrDefault(b => b.Host == name) is { } beat && beat.IsFresh(now, ttl) && now - beat.UpSince >= upFor)
            {
                return name;
            }
        }

        return null;
    }
}
