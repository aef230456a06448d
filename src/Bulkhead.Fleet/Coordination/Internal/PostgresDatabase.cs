using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace Bulkhead.Fleet.Coordination.Internal;

/// <summary>
/// One PostgreSQL database as the fleet's stores use it (coordination, fill journal): a data source and the schema their
/// tables live in — the connection string's <c>Search Path</c>, else <c>bulkhead</c>.
/// </summary>
/// <param name="DataSource">The connection pool.</param>
/// <param name="Schema">The schema holding the tables (a plain identifier).</param>
/// <param name="Where">Host and database, for messages (never the password).</param>
internal sealed partial record PostgresDatabase(NpgsqlDataSource DataSource, string Schema, string Where)
{
    /// <summary>The schema used when the connection string names none.</summary>
    public const string DefaultSchema = "bulkhead";

    /// <summary>Parses the connection string and builds the data source (nothing is sent yet).</summary>
    /// <exception cref="ArgumentException">The connection string is malformed or names an unusable schema.</exception>
    public static PostgresDatabase Connect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var schema = string.IsNullOrWhiteSpace(builder.SearchPath) ? DefaultSchema : builder.SearchPath.Split(',')[0].Trim();
        if (!Identifier().IsMatch(schema))
        {
            throw new ArgumentException($"schema '{schema}' must be a plain identifier (letters, digits, underscore)", nameof(connectionString));
        }

        // Only built-in types are used: skipping Npgsql's type loading saves a catalog query on every process start.
        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString)
            .ConfigureTypeLoading(types => types.EnableTypeLoading(false))
            .Build();
        return new PostgresDatabase(dataSource, schema, $"{builder.Host}/{builder.Database}");
    }

    /// <summary>
    /// Runs <paramref name="ddl"/> (CREATE … IF NOT EXISTS) unless both probe tables exist already — the usual case: no DDL,
    /// no lock. Concurrent first opens would race on the catalog (unique violations), so the DDL runs under an advisory
    /// transaction lock named after the schema.
    /// </summary>
    public void EnsureTables(DbConnection connection, DbTransaction? transaction, string firstTable, string secondTable, string ddl) =>
        EnsureTables(connection, transaction, Schema, firstTable, secondTable, ddl);

    /// <summary>The same, in <paramref name="schema"/>, for a store that shares another store's connection (the treasury journal).</summary>
    public static void EnsureTables(DbConnection connection, DbTransaction? transaction, string schema, string firstTable, string secondTable, string ddl)
    {
        using (var exists = connection.CreateCommand())
        {
            exists.Transaction = transaction;
            exists.CommandText = "SELECT to_regclass(@a) IS NOT NULL AND to_regclass(@b) IS NOT NULL";
            exists.Parameters.Add(new NpgsqlParameter("a", $"\"{schema}\".{firstTable}"));
            exists.Parameters.Add(new NpgsqlParameter("b", $"\"{schema}\".{secondTable}"));
            if (exists.ExecuteScalar() is true)
            {
                return;
            }
        }

        DbTables.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext(@s))", ("s", "bulkhead-schema:" + schema));
        DbTables.Execute(connection, transaction, ddl);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
