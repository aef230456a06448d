using Npgsql;
using Xunit;

namespace Bulkhead.Fleet.Tests.Coordination;

/// <summary>
/// The real PostgreSQL server of the tests (test.sh installs and starts it and sets <c>BULKHEAD_TEST_POSTGRES</c>).
/// In CI (<c>CI=true</c>) a missing server FAILS the test; locally the test is skipped with the reason.
/// </summary>
internal static class PostgresTestServer
{
    public const string Variable = "BULKHEAD_TEST_POSTGRES";

    public static string ConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{Variable} is not set: CI must run the PostgreSQL tests (test.sh starts the server and sets it)");
        }

        Assert.Skip($"{Variable} is not set; run ./test.sh (it installs and starts PostgreSQL 15) or export a connection string");
        return null!;
    }

    /// <summary>A connection string whose Search Path is a fresh schema, so runs and tests never collide.</summary>
    public static string WithFreshSchema(out string schema)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString());
        schema = "t_" + Guid.NewGuid().ToString("N")[..20];
        builder.SearchPath = schema;
        return builder.ConnectionString;
    }

    public static void DropSchema(string schema)
    {
        using var connection = new NpgsqlConnection(ConnectionString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE";
        command.ExecuteNonQuery();
    }
}
