using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Coordination.Postgres;

namespace Bulkhead.Fleet.Tests.Coordination;

/// <summary>The coordination contract on a real PostgreSQL server, one fresh schema per test.</summary>
public sealed class PostgresCoordinationStoreTests : CoordinationStoreContract, IDisposable
{
    private readonly PostgresTestSchema _database = new();

    protected override string Specification => _database.Specification;

    protected override ICoordinationStore Open(TimeProvider time) => PostgresCoordinationStore.Open(_database.ConnectionString, time);

    public void Dispose() => _database.Dispose();
}
