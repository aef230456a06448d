using System.Data.Common;
using Bulkhead.Fleet.Coordination.Internal;
using Bulkhead.Kraken.Limits;

namespace Bulkhead.Fleet.Coordination;

/// <summary>
/// The lease protocol and the shared rate-limit states over a SQL database, once for both backends. Every operation is
/// one transaction that holds the key's row exclusively, reads it, decides here and writes it back, so decisions never
/// interleave across threads, processes or hosts. Only <see cref="Sqlite.SqliteCoordinationStore"/> and
/// <see cref="Postgres.PostgresCoordinationStore"/> derive from it.
/// </summary>
public abstract class RelationalCoordinationStore : ICoordinationStore, IRateLimitStateStore
{
    private readonly TimeProvider _time;
    private readonly DbTables _tables;

    private protected RelationalCoordinationStore(TimeProvider time, DbTables tables)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _tables = tables;
    }

    /// <inheritdoc />
    public IRateLimitStateStore RateLimits => this;

    /// <inheritdoc />
    public LeaseResult TryAcquire(string keyName, LeaseHolder holder, TimeSpan ttl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyName);
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        return InTransaction((c, tx) =>
        {
            var now = _time.GetUtcNow();
            var row = _tables.LoadLease(c, tx, keyName)!;
            if (row is { Holder: { } current, ExpiresAt: { } expires } && expires > now && !ProcessLiveness.IsDeadOnThisHost(current))
            {
                return LeaseResult.Held(keyName, current, expires);
            }

            var lease = new Lease(keyName, checked(row.Token + 1), holder, now + ttl);
            _tables.SaveLease(c, tx, row with { Token = lease.FencingToken, Holder = holder, ExpiresAt = lease.ExpiresAt });
            return LeaseResult.Grant(lease);
        });
    }

    /// <inheritdoc />
    public bool Renew(Lease lease, TimeSpan ttl)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        return InTransaction((c, tx) =>
        {
            var row = _tables.LoadLease(c, tx, lease.KeyName)!;
            if (!Holds(row, lease))
            {
                return false;
            }

            _tables.SaveLease(c, tx, row with { ExpiresAt = _time.GetUtcNow() + ttl });
            return true;
        });
    }

    /// <inheritdoc />
    public void Release(Lease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        InTransaction((c, tx) =>
        {
            var row = _tables.LoadLease(c, tx, lease.KeyName)!;
            if (Holds(row, lease))
            {
                _tables.SaveLease(c, tx, row with { Holder = null, ExpiresAt = null });
            }

            return true;
        });
    }

    /// <inheritdoc />
    public long ReadNonceMark(Lease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return InTransaction((c, tx) =>
        {
            var row = _tables.LoadLease(c, tx, lease.KeyName)!;
            return Holds(row, lease) ? row.NonceMark : throw new LeaseLostException(lease, row.Token);
        });
    }

    /// <inheritdoc />
    public void WriteNonceMark(Lease lease, long mark)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentOutOfRangeException.ThrowIfNegative(mark);
        InTransaction((c, tx) =>
        {
            var row = _tables.LoadLease(c, tx, lease.KeyName)!;
            if (!Holds(row, lease))
            {
                throw new LeaseLostException(lease, row.Token);
            }

            if (mark < row.NonceMark)
            {
                throw new InvalidOperationException($"The nonce mark of key {lease.KeyName} only goes up: {mark} is below the stored {row.NonceMark}.");
            }

            if (mark > row.NonceMark)
            {
                _tables.SaveLease(c, tx, row with { NonceMark = mark });
            }

            return true;
        });
    }

    /// <inheritdoc />
    public LeaseState? Describe(string keyName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyName);
        return InTransaction((c, tx) => _tables.LoadLease(c, tx, keyName) is { } row && (row.Token > 0 || row.NonceMark > 0) ? row.ToState() : null);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The key holds a state of another type (two limiters share a key: a bug).</exception>
    public TResult Update<TState, TResult>(string key, Func<TState?, (TState State, TResult Result)> transition)
        where TState : class
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(transition);
        // Rate counters are advisory: losing the last commits to a power cut only forgets a few calls' cost. Everything else
        // (leases, nonce marks, the lockout guard's failures and halt) is written durably.
        var advisory = typeof(TState).Namespace == typeof(Kraken.Limits.DecayingCounterState).Namespace;
        return (advisory ? (Func<Func<DbConnection, DbTransaction?, TResult>, TResult>)InAdvisoryTransaction : InTransaction)((c, tx) =>
        {
            var (type, json) = _tables.LoadState(c, tx, key);
            var result = RateStateCodec.Apply(key, type, json, transition, out var next);
            _tables.SaveState(c, tx, key, RateStateCodec.TypeName<TState>(), next);
            return result;
        });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the backend's connections.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one of this store's exclusive transactions: for other fleet tables kept in the same
    /// database (the treasury journal, <see cref="Treasury.TreasuryJournal"/>), so they share its locking and durability.
    /// </summary>
    internal T Transact<T>(Func<DbConnection, DbTransaction?, T> work) => InTransaction(work);

    /// <summary>Runs <paramref name="work"/> in one exclusive transaction: committed when it returns, rolled back when it throws.</summary>
    private protected abstract T InTransaction<T>(Func<DbConnection, DbTransaction?, T> work);

    /// <summary>As <see cref="InTransaction{T}"/>, for state whose last commits may be lost to a power cut (rate counters).</summary>
    private protected virtual T InAdvisoryTransaction<T>(Func<DbConnection, DbTransaction?, T> work) => InTransaction(work);

    // The holder is the one named by the row's current token and has not released it. An expired lease that nobody took
    // over is still held: its token is the newest, so its writes cannot clash with anyone's.
    private static bool Holds(LeaseRow row, Lease lease) => row.Holder is not null && row.Token == lease.FencingToken;
}
