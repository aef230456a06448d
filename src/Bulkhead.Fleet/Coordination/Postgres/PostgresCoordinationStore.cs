using System.Data.Common;
using Bulkhead.Fleet.Coordination.Internal;
using Npgsql;

namespace Bulkhead.Fleet.Coordination.Postgres;

/// <summary>
/// The coordination store in PostgreSQL, for processes on several hosts. Tables live in one schema (the connection
/// string's <c>Search Path</c>, else <c>bulkhead</c>), created if absent. Every read-modify-write is one transaction
/// that first inserts a placeholder row (<c>INSERT … ON CONFLICT DO NOTHING</c>) and then locks it with
/// <c>SELECT … FOR UPDATE</c>, so concurrent processes queue on the row. Thread-safe.
/// </summary>
public sealed class PostgresCoordinationStore : RelationalCoordinationStore
{
    /// <summary>The schema used when the connection string names none.</summary>
    public const string DefaultSchema = PostgresDatabase.DefaultSchema;

    private readonly NpgsqlDataSource _dataSource;

    private readonly string _where;

    private PostgresCoordinationStore(NpgsqlDataSource dataSource, string schema, string where, TimeProvider time)
        : base(time, new DbTables($"\"{schema}\".leases", $"\"{schema}\".rate_states", forUpdate: true))
    {
        _dataSource = dataSource;
        _where = where;
        Schema = schema;
    }

    /// <summary>The schema holding the tables.</summary>
    public string Schema { get; }

    /// <summary>Connects and creates the schema and tables if absent.</summary>
    /// <param name="connectionString">An Npgsql connection string; its <c>Search Path</c>, if any, names the schema.</param>
    /// <param name="time">The clock for lease expiry and rate-limit decay (see docs/fleet-coordination.md on clocks across hosts).</param>
    /// <exception cref="ArgumentException">The connection string is malformed or names an unusable schema.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses.</exception>
    public static PostgresCoordinationStore Open(string connectionString, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var database = PostgresDatabase.Connect(connectionString);
        var store = new PostgresCoordinationStore(database.DataSource, database.Schema, database.Where, time);
        try
        {
            store.InTransaction((c, tx) =>
            {
                database.EnsureTables(c, tx, "leases", "rate_states", SchemaSql(database.Schema));
                return true;
            });
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"postgres:{_where} schema {Schema}";

    /// <summary>The schema's tables, created if absent.</summary>
    internal static string SchemaSql(string schema) => $"""
        CREATE SCHEMA IF NOT EXISTS "{schema}";
        CREATE TABLE IF NOT EXISTS "{schema}".leases (
            key_name        text   NOT NULL PRIMARY KEY,
            fencing_token   bigint NOT NULL,
            holder_process  text,
            holder_host     text,
            holder_pid      integer,
            holder_since_us bigint,
            expires_at_us   bigint,
            nonce_mark      bigint NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS "{schema}".rate_states (
            state_key  text NOT NULL PRIMARY KEY,
            state_type text,
            state_json text
        );
        """;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }

    private protected override T InTransaction<T>(Func<DbConnection, DbTransaction?, T> work)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }
}
