using Bulkhead.Fleet.Coordination.Postgres;
using Bulkhead.Fleet.Coordination.Sqlite;

namespace Bulkhead.Fleet.Coordination;

/// <summary>Opens the coordination store a manifest names (<c>[fleet] coordination</c>).</summary>
public static class CoordinationStore
{
    /// <summary>The SQLite prefix: <c>sqlite:PATH</c>.</summary>
    public const string SqlitePrefix = "sqlite:";

    /// <summary>The PostgreSQL prefix: <c>postgres:CONNECTION-STRING</c>.</summary>
    public const string PostgresPrefix = "postgres:";

    /// <summary>
    /// The file a <c>sqlite:PATH</c> specification names (a relative path resolved against <paramref name="baseDirectory"/>,
    /// by default the current folder); null for any other store.
    /// </summary>
    public static string? SqlitePath(string specification, string? baseDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(specification);
        if (!specification.StartsWith(SqlitePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = specification[SqlitePrefix.Length..].Trim();
        ArgumentException.ThrowIfNullOrWhiteSpace(path, nameof(specification));
        return Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), path);
    }

    /// <summary>
    /// Opens <c>sqlite:PATH</c> (a relative path is resolved against <paramref name="baseDirectory"/>, by default the
    /// current folder) or <c>postgres:Host=…;Database=…;Username=…</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The specification has neither prefix, or is malformed.</exception>
    public static ICoordinationStore Open(string specification, TimeProvider time, string? baseDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(specification);
        ArgumentNullException.ThrowIfNull(time);
        if (SqlitePath(specification, baseDirectory) is { } path)
        {
            return SqliteCoordinationStore.Open(path, time);
        }

        if (specification.StartsWith(PostgresPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return PostgresCoordinationStore.Open(specification[PostgresPrefix.Length..].Trim(), time);
        }

        throw new ArgumentException("the coordination store must be \"sqlite:PATH\" or \"postgres:CONNECTION-STRING\"", nameof(specification));
    }
}
