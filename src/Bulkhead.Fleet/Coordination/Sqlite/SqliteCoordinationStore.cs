using System.Data.Common;
using Bulkhead.Fleet.Coordination.Internal;
using Microsoft.Data.Sqlite;

namespace Bulkhead.Fleet.Coordination.Sqlite;

/// <summary>
/// The coordination store in one SQLite file, for the processes of ONE host (SQLite's locks do not work across network
/// file systems). WAL journal, <c>synchronous=FULL</c> (a nonce mark survives a power cut once written; the advisory rate
/// counters, updated on every signed call, use <c>NORMAL</c>: no fsync per call), a busy timeout,
/// and <c>BEGIN IMMEDIATE</c> for every read-modify-write, so concurrent writers queue instead of failing. Thread-safe.
/// </summary>
public sealed class SqliteCoordinationStore : RelationalCoordinationStore
{
    /// <summary>How long a writer waits for another's transaction before failing.</summary>
    public static readonly TimeSpan BusyTimeout = SqliteFile.BusyTimeout;

    private readonly string _connectionString;

    private SqliteCoordinationStore(string connectionString, TimeProvider time)
        : base(time, new DbTables("bulkhead_leases", "bulkhead_rate_states", forUpdate: false))
    {
        _connectionString = connectionString;
    }

    /// <summary>The database file.</summary>
    public string Path { get; private init; } = string.Empty;

    /// <summary>Opens (creating if absent) the store in <paramref name="path"/> and its tables.</summary>
    /// <param name="path">The database file; its folder is created.</param>
    /// <param name="time">The clock for lease expiry and rate-limit decay.</param>
    public static SqliteCoordinationStore Open(string path, TimeProvider time)
    {
        var full = SqliteFile.Prepare(path);
        var store = new SqliteCoordinationStore(SqliteFile.ConnectionString(full), time) { Path = full };
        using var connection = store.OpenConnection();
        DbTables.Execute(connection, null, "PRAGMA journal_mode=WAL");
        store.InTransaction((c, tx) =>
        {
            DbTables.Execute(c, tx, Schema);
            return true;
        });
        return store;
    }

    /// <inheritdoc />
    public override string ToString() => $"sqlite:{Path}";

    /// <summary>The tables, created if absent.</summary>
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS bulkhead_leases (
            key_name        TEXT    NOT NULL PRIMARY KEY,
            fencing_token   INTEGER NOT NULL,
            holder_process  TEXT,
            holder_host     TEXT,
            holder_pid      INTEGER,
            holder_since_us INTEGER,
            expires_at_us   INTEGER,
            nonce_mark      INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS bulkhead_rate_states (
            state_key  TEXT NOT NULL PRIMARY KEY,
            state_type TEXT,
            state_json TEXT
        );
        """;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            SqliteFile.ClearPool(_connectionString);
        }

        base.Dispose(disposing);
    }

    private protected override T InTransaction<T>(Func<DbConnection, DbTransaction?, T> work)
    {
        using var connection = OpenConnection();
        return SqliteFile.Immediate(connection, () => work(connection, null));
    }

    // synchronous=NORMAL in WAL mode: a commit survives a crash of the process, only a power cut may lose the last ones;
    // no fsync per call for the rate counters every signed call updates.
    private protected override T InAdvisoryTransaction<T>(Func<DbConnection, DbTransaction?, T> work)
    {
        using var connection = SqliteFile.Open(_connectionString, "NORMAL");
        return SqliteFile.Immediate(connection, () => work(connection, null));
    }

    private SqliteConnection OpenConnection() => SqliteFile.Open(_connectionString, "FULL");
}
