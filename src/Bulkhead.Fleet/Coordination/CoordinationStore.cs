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
    /// Opens <c>sqlite:PATH</c> (a relative path is resolved against <paramref name="baseDirectory"/>, by default the
    /// current folder) or <c>postgres:Host=…;Database=…;Username=…</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The specification has neither prefix, or is malformed.</exception>
    public static ICoordinationStore Open(string specification, TimeProvider time, string? baseDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(specification);
        ArgumentNullException.ThrowIfNull(time);
        if (specification.StartsWith(SqlitePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var path = specification[SqlitePrefix.Length..].Trim();
            ArgumentException.ThrowIfNullOrWhiteSpace(path, nameof(specification));
            return SqliteCoordinationStore.Open(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), path), time);
        }

        if (specification.StartsWith(PostgresPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return PostgresCoordinationStore.Open(specification[PostgresPrefix.Length..].Trim(), time);
        }

        throw new ArgumentException("the coordination store must be \"sqlite:PATH\" or \"postgres:CONNECTION-STRING\"", nameof(specification));
    }
}
