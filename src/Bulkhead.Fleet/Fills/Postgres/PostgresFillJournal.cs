using System.Data.Common;
using System.Text.RegularExpressions;
using Bulkhead.Fleet.Coordination.Internal;
using Bulkhead.Fleet.Fills.Internal;
using Npgsql;

namespace Bulkhead.Fleet.Fills.Postgres;

/// <summary>
/// The fill journal in PostgreSQL, for processes on several hosts. Tables (<c>journal_fills</c>, <c>journal_orders</c>,
/// <c>journal_equity</c>, <c>journal_snapshots</c>) live in one schema: the connection string's <c>Search Path</c>, else
/// <c>bulkhead</c>; created if absent. Thread-safe.
/// </summary>
public sealed partial class PostgresFillJournal : RelationalFillJournal
{
    /// <summary>The schema used when the connection string names none.</summary>
    public const string DefaultSchema = "bulkhead";

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
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = string.IsNullOrWhiteSpace(builder.SearchPath) ? DefaultSchema : builder.SearchPath.Split(',')[0].Trim();
        if (!Identifier().IsMatch(schema))
        {
            throw new ArgumentException($"schema '{schema}' must be a plain identifier (letters, digits, underscore)", nameof(connectionString));
        }

        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString)
            .ConfigureTypeLoading(types => types.EnableTypeLoading(false))
            .Build();
        var journal = new PostgresFillJournal(dataSource, schema, $"{builder.Host}/{builder.Database}");
        try
        {
            using var connection = dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            using (var exists = connection.CreateCommand())
            {
                exists.CommandText = "SELECT to_regclass(@f) IS NOT NULL AND to_regclass(@s) IS NOT NULL";
                exists.Parameters.Add(new NpgsqlParameter("f", $"\"{schema}\".journal_fills"));
                exists.Parameters.Add(new NpgsqlParameter("s", $"\"{schema}\".journal_snapshots"));
                if (exists.ExecuteScalar() is not true)
                {
                    // Concurrent first opens would race on CREATE … IF NOT EXISTS (catalog unique violations): serialize them.
                    DbTables.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext(@s))", ("s", "bulkhead-schema:" + schema));
                    DbTables.Execute(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS \"{schema}\"");
                    DbTables.Execute(connection, transaction, new FillTables($"\"{schema}\".journal_").Schema("BIGSERIAL PRIMARY KEY"));
                }
            }

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

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
