namespace Bulkhead.Fleet.Tests.Coordination;

/// <summary>A fresh schema on the tests' PostgreSQL server, made on first use and dropped on dispose (one per test).</summary>
internal sealed class PostgresTestSchema : IDisposable
{
    private string? _connectionString;
    private string? _schema;

    /// <summary>A connection string whose Search Path is the fresh schema.</summary>
    public string ConnectionString => _connectionString ??= PostgresTestServer.WithFreshSchema(out _schema);

    /// <summary>The store specification <c>postgres:…</c> of the fresh schema.</summary>
    public string Specification => "postgres:" + ConnectionString;

    public void Dispose()
    {
        if (_schema is not null)
        {
            PostgresTestServer.DropSchema(_schema);
        }
    }
}
