using Bulkhead.Fleet.Tests.Coordination;

namespace Bulkhead.Fleet.Tests.Fills;

/// <summary>The fill journal contract on a real PostgreSQL server, one fresh schema per test (fails in CI when absent).</summary>
public sealed class PostgresFillJournalTests : FillJournalContract, IDisposable
{
    private readonly PostgresTestSchema _database = new();

    protected override string Specification => _database.Specification;

    public void Dispose() => _database.Dispose();
}
