using Bulkhead.Fleet.Coordination.Postgres;

namespace Bulkhead.Fleet.Coordination.Internal;

/// <summary>
/// How a journal keeps its own tables in the fleet's coordination store (the operator, treasury and rehearsal journals,
/// the statement progress): opened from the store's specification, its tables named <c>bulkhead_NAME</c> in the SQLite
/// file or <c>"SCHEMA".NAME</c> in the PostgreSQL schema, created when missing with the same DDL on both (only the
/// 64-bit integer type differs).
/// </summary>
internal static class CoordinationTables
{
    /// <summary>Opens the store <paramref name="specification"/> names and builds the journal on it; the store is closed if that fails.</summary>
    public static T Open<T>(string specification, TimeProvider time, string? baseDirectory, Func<RelationalCoordinationStore, T> create)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(create);
        var store = CoordinationStore.Open(specification, time, baseDirectory);
        try
        {
            return create((RelationalCoordinationStore)store);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The full name of table <paramref name="name"/> in <paramref name="store"/>.</summary>
    public static string Name(RelationalCoordinationStore store, string name) =>
        (store as PostgresCoordinationStore)?.Schema is { } schema ? $"\"{schema}\".{name}" : $"bulkhead_{name}";

    /// <summary>
    /// Creates the tables of <paramref name="ddl"/> (given the 64-bit integer type's name) when missing; on PostgreSQL it
    /// checks <paramref name="firstTable"/> and <paramref name="secondTable"/> (the same name for a single table) first.
    /// </summary>
    public static void Ensure(RelationalCoordinationStore store, string firstTable, string secondTable, Func<string, string> ddl)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ddl);
        var schema = (store as PostgresCoordinationStore)?.Schema;
        store.Transact((c, tx) =>
        {
            if (schema is not null)
            {
                PostgresDatabase.EnsureTables(c, tx, schema, firstTable, secondTable, ddl("bigint"));
            }
            else
            {
                DbTables.Execute(c, tx, ddl("INTEGER"));
            }

            return true;
        });
    }
}
