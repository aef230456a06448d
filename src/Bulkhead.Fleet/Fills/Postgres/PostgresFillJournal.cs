using System.Data.Common;
using Bulkhead.Fleet.Coordination.Internal;
using Bulkhead.Fleet.Fills.Internal;
using Npgsql;

namespace Bulkhead.Fleet.Fills.Postgres;

/// <summary>
/// The fill journal in PostgreSQL, for processes on several hosts. Tables (<c>journal_fills</c>, <c>journal_orders</c>,
/// <c>journal_equity</c>, <c>journal_snapshots</c>) live in one schema: the connection string's <c>Search Path</c>, else
/// <c>bulkhead</c>; created if absent. Thread-safe.
/// </summary>
public sealed class PostgresFillJournal : RelationalFillJournal
{
    /// <summary>The schema used when the connection string names none.</summary>
    public const string DefaultSchema = PostgresDatabase.DefaultSchema;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _where;

    private PostgresFillJournal(NpgsqlDataSource dataSource, string schema, string where)
        : base(new FillTables($"\"{schema}\".journal_"))
    {
        _dataSource = dataSource;
        _where = where;
        Schema = schema;
    }

    /// <summary>The schema holding the tables.</summary>
    public string Schema { get; }

    /// <summary>Connects and creates the schema and tables if absent.</summary>
    /// <param name="connectionString">An Npgsql connection string; its <c>Search Path</c>, if any, names the schema.</param>
    /// <exception cref="ArgumentException">The connection string is malformed or names an unusable schema.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses.</exception>
    public static PostgresFillJournal Open(string connectionString)
    {
        var database = PostgresDatabase.Connect(connectionString);
        var schema = database.Schema;
        var journal = new PostgresFillJournal(database.DataSource, schema, database.Where);
        try
        {
            using var connection = database.DataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            database.EnsureTables(connection, transaction, "journal_fills", "journal_snapshots",
                $"CREATE SCHEMA IF NOT EXISTS \"{schema}\";\n" + new FillTables($"\"{schema}\".journal_").Schema("BIGSERIAL PRIMARY KEY"));
            transaction.Commit();
            return journal;
        }
        catch
        {
            journal.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"postgres:{_where} schema {Schema}";

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }

    private protected override T WithConnection<T>(Func<DbConnection, T> work)
    {
        using var connection = _dataSource.OpenConnection();
        return work(connection);
    }
}
