using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Fills.Sqlite;
using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Fills;

/// <summary>The fill journal contract on a real SQLite file, plus what only SQLite has (file mode, WAL, relative paths).</summary>
public sealed class SqliteFillJournalTests : FillJournalContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bulkhead-fills-" + Guid.NewGuid().ToString("N"));

    protected override string Specification => "sqlite:fleet/journal.db";

    protected override string BaseDirectory => _folder;

    [Fact]
    public void Open_RelativePath_IsUnderTheBaseDirectoryOwnerOnlyAndInWalMode()
    {
        using var journal = Open();
        var path = Path.Combine(_folder, "fleet", "journal.db");

        ((SqliteFillJournal)journal).Path.ShouldBe(path);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        command.ExecuteScalar().ShouldBe("wal");
    }

    [Theory]
    [InlineData("journal.db")]
    [InlineData("sqlite:")]
    [InlineData("mysql:x")]
    public void Open_BadSpecification_SaysWhatItMustBe(string specification)
    {
        var error = Should.Throw<ArgumentException>(() => FillJournal.Open(specification, _folder, TimeProvider.System));

        error.Message.ShouldContain("sqlite:");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
