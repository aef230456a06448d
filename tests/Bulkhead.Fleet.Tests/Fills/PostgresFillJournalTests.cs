using Bulkhead.Fleet.Tests.Coordination;

namespace Bulkhead.Fleet.Tests.Fills;

/// <summary>The fill journal contract on a real PostgreSQL server, one fresh schema per test (fails in CI when absent).</summary>
public sealed class PostgresFillJournalTests : FillJournalContract, IDisposable
{
    private string? _connectionString;
    private string? _schema;

    protected override string Specification => "postgres:" + (_connectionString ??= PostgresTestServer.WithFreshSchema(out _schema));

    public void Dispose()
    {
        if (_schema is not null)
        {
            PostgresTestServer.DropSchema(_schema);
        }
    }
}
