using System.Data.Common;
using Bulkhead.Fleet.Coordination.Internal;
using Bulkhead.Fleet.Fills.Internal;

namespace Bulkhead.Fleet.Fills.Sqlite;

/// <summary>
/// The fill journal in one SQLite file for the processes of ONE host: WAL journal (readers never block the writer),
/// a busy timeout (concurrent writers from several processes queue instead of failing), <c>synchronous=NORMAL</c> (a
/// power cut may lose the last fills, which the next start catches up from the exchange; never corrupts). The file is
/// created readable by its owner only (0600). Thread-safe.
/// </summary>
public sealed class SqliteFillJournal : RelationalFillJournal
{
    /// <summary>How long a writer waits for another's transaction before failing.</summary>
    public static readonly TimeSpan BusyTimeout = SqliteFile.BusyTimeout;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly FillTables Tables = new("journal_");

    private readonly string _connectionString;

    private SqliteFillJournal(string connectionString, string path)
        : base(Tables)
    {
        _connectionString = connectionString;
        Path = path;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if absent, mode 0600) the journal in <paramref name="path"/> and its tables.</summary>
    /// <param name="path">The database file; its folder is created.</param>
    public static SqliteFillJournal Open(string path)
    {
        var full = SqliteFile.Prepare(path);
        CreateOwnerOnly(full);
        var journal = new SqliteFillJournal(SqliteFile.ConnectionString(full), full);
        using var connection = SqliteFile.Open(journal._connectionString, "NORMAL");
        DbTables.Execute(connection, null, "PRAGMA journal_mode=WAL");
        SqliteFile.Immediate(connection, () =>
        {
            DbTables.Execute(connection, null, Tables.Schema("INTEGER PRIMARY KEY AUTOINCREMENT"));
            return true;
        });
        return journal;
    }

    /// <inheritdoc />
    public override string ToString() => $"sqlite:{Path}";

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            SqliteFile.ClearPool(_connectionString);
        }

        base.Dispose(disposing);
    }

    private protected override T WithConnection<T>(Func<DbConnection, T> work)
    {
        using var connection = SqliteFile.Open(_connectionString, "NORMAL");
        return work(connection);
    }

    // SQLite creates its -wal and -shm files with the database file's mode, so 0600 here covers all three.
    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            try
            {
                using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first.
            }
        }
        else if ((File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly); // tighten a journal someone created with a looser mode
        }
    }
}
