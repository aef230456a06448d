namespace Bulkhead.Fleet.Tests.Rehearsals;

/// <summary>The rehearsal journal in a real SQLite coordination file.</summary>
public sealed class SqliteRehearsalJournalTests : RehearsalJournalContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bulkhead-rehearsal-" + Guid.NewGuid().ToString("N"));

    protected override string Specification => "sqlite:" + Path.Combine(_folder, "fleet.db");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
