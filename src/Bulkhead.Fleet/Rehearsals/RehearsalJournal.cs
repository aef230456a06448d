using System.Globalization;
using System.Security.Cryptography;
using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Coordination.Internal;
using Bulkhead.Fleet.Rehearsals.Internal;

namespace Bulkhead.Fleet.Rehearsals;

/// <summary>
/// The fleet's recorded sandbox runs (<see cref="Rehearsal"/>), in the coordination store beside the leases and the
/// operator journal (the same SQLite file or PostgreSQL schema): what <see cref="ProductionGate"/> reads before a
/// production run.
/// </summary>
public sealed class RehearsalJournal : IDisposable
{
    private readonly RelationalCoordinationStore _store;
    private readonly RehearsalTables _tables;
    private readonly TimeProvider _time;

    private RehearsalJournal(RelationalCoordinationStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        _tables = new RehearsalTables(CoordinationTables.Name(store, "rehearsals"));
        CoordinationTables.Ensure(store, "rehearsals", "rehearsals", _tables.Schema);
    }

    /// <summary>Opens the journal in the coordination store <paramref name="specification"/> names (<c>sqlite:PATH</c> or <c>postgres:…</c>).</summary>
    public static RehearsalJournal Open(string specification, TimeProvider time, string? baseDirectory = null) =>
        CoordinationTables.Open(specification, time, baseDirectory, store => new RehearsalJournal(store, time));

    /// <summary>A new id for a record ending now.</summary>
    public string NewId() =>
        $"run-{_time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";

    /// <summary>Records one judged run.</summary>
    public void Record(Rehearsal rehearsal)
    {
        ArgumentNullException.ThrowIfNull(rehearsal);
        _store.Transact((c, tx) =>
        {
            _tables.Insert(c, tx, rehearsal);
            return true;
        });
    }

    /// <summary>The newest <paramref name="count"/> records, newest first; only <paramref name="revision"/>'s when given.</summary>
    public IReadOnlyList<Rehearsal> Recent(int count = 20, string? revision = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return _store.Transact((c, tx) => _tables.Recent(c, tx, count, revision));
    }

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
