using Npgsql;
using Xunit;

namespace Bulkhead.Cli.Tests.Fleet;

/// <summary>The lease suite with the PostgreSQL backend (a real server; one fresh schema per test).</summary>
[Collection(nameof(FleetProcessTests))]
public sealed class PostgresFleetProcessTests : FleetProcessTests, IDisposable
{
    private string? _coordination;
    private string? _schema;

    protected override string Coordination() => _coordination ??= "postgres:" + FreshSchema(out _schema);

    public void Dispose()
    {
        if (_schema is null)
        {
            return;
        }

        using var connection = new NpgsqlConnection(ConnectionString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE";
        command.ExecuteNonQuery();
    }

    /// <summary>BULKHEAD_TEST_POSTGRES (test.sh sets it); in CI its absence fails the test, locally it skips it.</summary>
    internal static string ConnectionString()
    {
        var value = Environment.GetEnvironmentVariable("BULKHEAD_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("BULKHEAD_TEST_POSTGRES is not set: CI must run the PostgreSQL tests (test.sh starts the server and sets it)");
        }

        Assert.Skip("BULKHEAD_TEST_POSTGRES is not set; run ./test.sh (it installs and starts PostgreSQL 15) or export a connection string");
        return null!;
    }

    private static string FreshSchema(out string schema)
    {
        schema = "cli_" + Guid.NewGuid().ToString("N")[..20];
        return new NpgsqlConnectionStringBuilder(ConnectionString()) { SearchPath = schema }.ConnectionString;
    }
}
