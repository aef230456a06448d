using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Coordination.Sqlite;

namespace Bulkhead.Fleet.Tests.Coordination;

/// <summary>The coordination contract on a real SQLite file.</summary>
public sealed class SqliteCoordinationStoreTests : CoordinationStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bulkhead-coord-" + Guid.NewGuid().ToString("N"));

    protected override string Specification => "sqlite:" + Path.Combine(_folder, "fleet.db");

    protected override ICoordinationStore Open(TimeProvider time) => SqliteCoordinationStore.Open(Path.Combine(_folder, "fleet.db"), time);

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
