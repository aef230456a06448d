using System.Data.Common;
using Bulkhead.Fleet.Coordination.Internal;
using Bulkhead.Fleet.Fills.Internal;
using Microsoft.Data.Sqlite;

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
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

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
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        CreateOwnerOnly(full);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        };
        var journal = new SqliteFillJournal(builder.ToString(), full);
        journal.WithConnection(c =>
        {
            DbTables.Execute(c, null, "PRAGMA journal_mode=WAL");
            DbTables.Execute(c, null, "BEGIN IMMEDIATE");
            try
            {
                DbTables.Execute(c, null, Tables.Schema("INTEGER PRIMARY KEY AUTOINCREMENT"));
                DbTables.Execute(c, null, "COMMIT");
            }
            catch
            {
                DbTables.Execute(c, null, "ROLLBACK");
                throw;
            }

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
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }

        base.Dispose(disposing);
    }

    private protected override T WithConnection<T>(Func<DbConnection, T> work)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        DbTables.Execute(connection, null, $"PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous=NORMAL");
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
