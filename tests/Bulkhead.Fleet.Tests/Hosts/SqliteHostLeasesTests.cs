namespace Bulkhead.Fleet.Tests.Hosts;

/// <summary>The process leases on a real SQLite file.</summary>
public sealed class SqliteHostLeasesTests : HostLeasesContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bulkhead-hosts-" + Guid.NewGuid().ToString("N"));

    protected override string Specification => "sqlite:" + Path.Combine(_folder, "fleet.db");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
