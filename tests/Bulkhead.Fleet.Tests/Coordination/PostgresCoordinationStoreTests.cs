using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Coordination.Postgres;

namespace Bulkhead.Fleet.Tests.Coordination;

/// <summary>The coordination contract on a real PostgreSQL server, one fresh schema per test.</summary>
public sealed class PostgresCoordinationStoreTests : CoordinationStoreContract, IDisposable
{
    private string? _connectionString;
    private string? _schema;

    protected override string Specification => "postgres:" + ConnectionString;

    private string ConnectionString => _connectionString ??= PostgresTestServer.WithFreshSchema(out _schema);

    protected override ICoordinationStore Open(TimeProvider time) => PostgresCoordinationStore.Open(ConnectionString, time);

    public void Dispose()
    {
        if (_schema is not null)
        {
            PostgresTestServer.DropSchema(_schema);
        }
    }
}
