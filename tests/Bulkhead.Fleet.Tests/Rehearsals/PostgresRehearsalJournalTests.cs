using Bulkhead.Fleet.Tests.Coordination;

namespace Bulkhead.Fleet.Tests.Rehearsals;

/// <summary>The rehearsal journal in a real PostgreSQL server (fails in CI when it is missing), one fresh schema per test.</summary>
public sealed class PostgresRehearsalJournalTests : RehearsalJournalContract, IDisposable
{
    private readonly PostgresTestSchema _database = new();

    protected override string Specification => _database.Specification;

    public void Dispose() => _database.Dispose();
}
