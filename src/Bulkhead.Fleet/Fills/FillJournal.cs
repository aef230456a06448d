using Bulkhead.Fleet.Fills.Postgres;
using Bulkhead.Fleet.Fills.Sqlite;

namespace Bulkhead.Fleet.Fills;

/// <summary>Opens the fill journal a manifest names (<c>[fleet] journal</c>, default <c>sqlite:journal.db</c>).</summary>
public static class FillJournal
{
    /// <summary>The SQLite prefix: <c>sqlite:PATH</c>.</summary>
    public const string SqlitePrefix = "sqlite:";

    /// <summary>The PostgreSQL prefix: <c>postgres:CONNECTION-STRING</c>.</summary>
    public const string PostgresPrefix = "postgres:";

    /// <summary>
    /// Opens <c>sqlite:PATH</c> (a relative path is resolved against <paramref name="baseDirectory"/>, the manifest's
    /// folder) or <c>postgres:Host=…;Database=…;Username=…</c>, creating the tables if absent.
    /// </summary>
    /// <param name="specification">The journal setting.</param>
    /// <param name="baseDirectory">The folder a relative SQLite path is resolved against.</param>
    /// <param name="time">The clock (reserved for the store's own housekeeping; fills carry the exchange's times).</param>
    /// <exception cref="ArgumentException">The specification has neither prefix, or is malformed.</exception>
    public static IFillJournal Open(string specification, string baseDirectory, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(specification);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(time);
        if (specification.StartsWith(SqlitePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var path = specification[SqlitePrefix.Length..].Trim();
            if (path.Length == 0)
            {
                throw new ArgumentException("the fill journal \"sqlite:PATH\" names no file", nameof(specification));
            }

            return SqliteFillJournal.Open(Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));
        }

        if (specification.StartsWith(PostgresPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return PostgresFillJournal.Open(specification[PostgresPrefix.Length..].Trim());
        }

        throw new ArgumentException("the fill journal must be \"sqlite:PATH\" or \"postgres:CONNECTION-STRING\"", nameof(specification));
    }
}
