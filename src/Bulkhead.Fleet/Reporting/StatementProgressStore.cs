using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Coordination.Internal;
using Bulkhead.Fleet.Reporting.Internal;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// Keeps each account's <see cref="StatementProgress"/> in the fleet's coordination store (the same SQLite file, or the
/// same PostgreSQL schema, as the leases), per environment and account, so a report or reconciliation reads from the
/// exchange only what was booked since the last one. Saving is one transaction: a read that fails half-way leaves the
/// previous progress in place.
/// </summary>
public sealed class StatementProgressStore : IDisposable
{
    private readonly RelationalCoordinationStore _store;
    private readonly StatementTables _tables;

    private StatementProgressStore(RelationalCoordinationStore store)
    {
        _store = store;
        _tables = new StatementTables(CoordinationTables.Name(store, "statement_accounts"), CoordinationTables.Name(store, "statement_fills"));
        CoordinationTables.Ensure(store, "statement_accounts", "statement_fills", _tables.Schema);
    }

    /// <summary>Opens the progress kept in the coordination store <paramref name="specification"/> names (<c>sqlite:PATH</c> or <c>postgres:…</c>).</summary>
    public static StatementProgressStore Open(string specification, TimeProvider time, string? baseDirectory = null) =>
        CoordinationTables.Open(specification, time, baseDirectory, store => new StatementProgressStore(store));

    /// <summary>Where <paramref name="account"/>'s last read in <paramref name="environment"/> stopped (<see cref="StatementProgress.Start"/> when never read).</summary>
    public StatementProgress Load(string environment, string account)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return _store.Transact((c, tx) => _tables.Load(c, tx, environment, account));
    }

    /// <summary>
    /// Keeps what <paramref name="read"/> reached, in one transaction: the cursor and sums replaced, its new fills added
    /// (each once); a read that <see cref="AccountStatementRead.Restarted"/> replaces the fills kept before too.
    /// </summary>
    public void Save(string environment, string account, AccountStatementRead read)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentNullException.ThrowIfNull(read);
        _store.Transact((c, tx) =>
        {
            if (read.Restarted)
            {
                _tables.Forget(c, tx, environment, account);
            }

            _tables.Save(c, tx, environment, account, read.Progress, read.NewFills);
            return true;
        });
    }

    /// <summary>Forgets <paramref name="account"/>'s progress: its next read is the whole history.</summary>
    public void Forget(string environment, string account) =>
        _store.Transact((c, tx) =>
        {
            _tables.Forget(c, tx, environment, account);
            return true;
        });

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
