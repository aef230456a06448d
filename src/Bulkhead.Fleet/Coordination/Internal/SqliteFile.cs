using Microsoft.Data.Sqlite;

namespace Bulkhead.Fleet.Coordination.Internal;

/// <summary>
/// One SQLite file as the fleet's stores use it (coordination, fill journal): pooled connections with a busy timeout, so
/// concurrent writers from several processes queue instead of failing, and <c>BEGIN IMMEDIATE</c> transactions.
/// </summary>
internal static class SqliteFile
{
    /// <summary>How long a writer waits for another's transaction before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The full path of <paramref name="path"/>, its folder created.</summary>
    public static string Prepare(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>The connection string of the file at <paramref name="fullPath"/> (created if absent).</summary>
    public static string ConnectionString(string fullPath) => new SqliteConnectionStringBuilder
    {
        DataSource = fullPath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = (int)BusyTimeout.TotalSeconds,
    }.ToString();

    /// <summary>An open connection with the busy timeout and <c>synchronous=<paramref name="synchronous"/></c> set.</summary>
    public static SqliteConnection Open(string connectionString, string synchronous)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            DbTables.Execute(connection, null, $"PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous={synchronous}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a <c>BEGIN IMMEDIATE</c> transaction: committed, or rolled back on an exception.</summary>
    public static T Immediate<T>(SqliteConnection connection, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        DbTables.Execute(connection, null, "BEGIN IMMEDIATE");
        T result;
        try
        {
            result = work();
        }
        catch
        {
            DbTables.Execute(connection, null, "ROLLBACK");
            throw;
        }

        DbTables.Execute(connection, null, "COMMIT");
        return result;
    }

    /// <summary>Closes the pooled connections of <paramref name="connectionString"/> (on dispose, so the file is released).</summary>
    public static void ClearPool(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
