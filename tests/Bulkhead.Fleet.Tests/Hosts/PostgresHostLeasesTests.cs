using Bulkhead.Fleet.Tests.Coordination;

namespace Bulkhead.Fleet.Tests.Hosts;

/// <summary>The process leases on a real PostgreSQL server, one fresh schema per test.</summary>
public sealed class PostgresHostLeasesTests : HostLeasesContract, IDisposable
{
    private readonly PostgresTestSchema _database = new();

    protected override string Specification => _database.Specification;

    public void Dispose() => _database.Dispose();
}
