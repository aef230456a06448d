using System.Data.Common;
using Bulkhead.Fleet.Coordination.Internal;
using Microsoft.Data.Sqlite;

namespace Bulkhead.Fleet.Coordination.Sqlite;

/// <summary>
/// The coordination store in one SQLite file, for the processes of ONE host (SQLite's locks do not work across network
/// file systems). WAL journal, <c>synchronous=FULL</c> (a nonce mark survives a power cut once written), a busy timeout,
/// and <c>BEGIN IMMEDIATE</c> for every read-modify-write, so concurrent writers queue instead of failing. Thread-safe.
/// </summary>
public sealed class SqliteCoordinationStore : RelationalCoordinationStore
{
    /// <summary>How long a writer waits for another's transaction before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

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
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        };
        var store = new SqliteCoordinationStore(builder.ToString(), time) { Path = full };
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
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }

        base.Dispose(disposing);
    }

    private protected override T InTransaction<T>(Func<DbConnection, DbTransaction?, T> work)
    {
        using var connection = OpenConnection();
        DbTables.Execute(connection, null, "BEGIN IMMEDIATE");
        T result;
        try
        {
            result = work(connection, null);
        }
        catch
        {
            DbTables.Execute(connection, null, "ROLLBACK");
            throw;
        }

        DbTables.Execute(connection, null, "COMMIT");
        return result;
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            DbTables.Execute(connection, null, $"PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous=FULL");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
