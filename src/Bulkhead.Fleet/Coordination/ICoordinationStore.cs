using Bulkhead.Kraken.Limits;

namespace Bulkhead.Fleet.Coordination;

/// <summary>
/// The fleet's shared state: one lease per API key (with a fencing token and the key's nonce high-water mark) and the
/// accounts' rate-limit states. One instance per process; implementations: <see cref="Sqlite.SqliteCoordinationStore"/>
/// (one host) and <see cref="Postgres.PostgresCoordinationStore"/> (several hosts). Open with <see cref="CoordinationStore.Open"/>.
/// Thread-safe.
/// </summary>
public interface ICoordinationStore : IDisposable
{
    /// <summary>
    /// Takes the lease of <paramref name="keyName"/> for <paramref name="ttl"/> if nobody holds it, if its holder's lease
    /// expired, or if its holder is on this host and its process is gone. Every grant carries a fencing token above every
    /// earlier one for the key. Otherwise answers who holds it.
    /// </summary>
    LeaseResult TryAcquire(string keyName, LeaseHolder holder, TimeSpan ttl);

    /// <summary>Extends the lease to now + <paramref name="ttl"/>; false when it was taken over or released (fenced out).</summary>
    bool Renew(Lease lease, TimeSpan ttl);

    /// <summary>Gives the lease up (the nonce mark and the fencing counter stay). Does nothing if it was already lost.</summary>
    void Release(Lease lease);

    /// <summary>The key's nonce high-water mark (0 for a key never used).</summary>
    /// <exception cref="LeaseLostException">The lease was taken over or released.</exception>
    long ReadNonceMark(Lease lease);

    /// <summary>Durably raises the key's nonce high-water mark.</summary>
    /// <exception cref="LeaseLostException">The lease was taken over or released: a stale holder cannot write.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="mark"/> is below the stored mark (marks only go up).</exception>
    void WriteNonceMark(Lease lease, long mark);

    /// <summary>What the store knows of a key's lease, for operators and tests; null for a key never leased.</summary>
    LeaseState? Describe(string keyName);

    /// <summary>The accounts' rate-limit states, shared by every process on this store; updates are atomic across processes.</summary>
    IRateLimitStateStore RateLimits { get; }
}
