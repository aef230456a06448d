using Bulkhead.Fleet.Tests.Coordination;

namespace Bulkhead.Fleet.Tests.Treasury;

/// <summary>The treasury journal in a real PostgreSQL server (fails in CI when it is missing), one fresh schema per test.</summary>
public sealed class PostgresTreasuryJournalTests : TreasuryJournalContract, IDisposable
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
