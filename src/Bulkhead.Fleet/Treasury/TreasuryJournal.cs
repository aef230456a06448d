using System.Collections.Immutable;
using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Coordination.Internal;
using Bulkhead.Fleet.Treasury.Internal;

namespace Bulkhead.Fleet.Treasury;

/// <summary>
/// The treasury journal: operations and their steps, in the fleet's coordination store (the same SQLite file, or the same
/// PostgreSQL schema, as the leases), each change one transaction of that store. A step is written <c>pending</c> before its
/// exchange call and <c>done</c> after; what is in here survives a SIGKILL at any instant.
/// </summary>
public sealed class TreasuryJournal : IDisposable
{
    private readonly RelationalCoordinationStore _store;
    private readonly TreasuryTables _tables;

    private TreasuryJournal(RelationalCoordinationStore store)
    {
        _store = store;
        _tables = new TreasuryTables(CoordinationTables.Name(store, "treasury_operations"), CoordinationTables.Name(store, "treasury_steps"));
        CoordinationTables.Ensure(store, "treasury_operations", "treasury_steps", _tables.Schema);
    }

    /// <summary>Where it is kept (the coordination store's description).</summary>
    public string Location => _store.ToString() ?? string.Empty;

    /// <summary>Opens the journal in the coordination store <paramref name="specification"/> names (<c>sqlite:PATH</c> or <c>postgres:…</c>).</summary>
    public static TreasuryJournal Open(string specification, TimeProvider time, string? baseDirectory = null) =>
        CoordinationTables.Open(specification, time, baseDirectory, store => new TreasuryJournal(store));

    /// <summary>Journals a new operation with its planned steps.</summary>
    public void Create(TreasuryOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        _store.Transact((c, tx) =>
        {
            _tables.Insert(c, tx, operation);
            return true;
        });
    }

    /// <summary>The operation <paramref name="id"/>, or null.</summary>
    public TreasuryOperation? Find(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _store.Transact((c, tx) => _tables.Load(c, tx, id, openOnly: false)).FirstOrDefault();
    }

    /// <summary>Every operation, oldest first.</summary>
    public IReadOnlyList<TreasuryOperation> List() => _store.Transact((c, tx) => _tables.Load(c, tx, null, openOnly: false));

    /// <summary>The operations not yet finished, oldest first.</summary>
    public IReadOnlyList<TreasuryOperation> Unfinished() => _store.Transact((c, tx) => _tables.Load(c, tx, null, openOnly: true));

    /// <summary>The reference and ledger ids of every done step: an entry claimed by one step is never taken for another.</summary>
    public ImmutableHashSet<string> ClaimedIds() => _store.Transact(_tables.Claimed);

    /// <summary>Records that step <paramref name="index"/>'s call is about to be made, with the ledger cursor to find it by.</summary>
    /// <exception cref="InvalidOperationException">The step is already done (a bug: a step is never made twice).</exception>
    public TreasuryStep MarkPending(string id, int index, DateTimeOffset at, TreasuryCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return Change(id, index, s => s.State == TreasuryStepState.Done
            ? throw new InvalidOperationException($"treasury operation {id} step {index} is done: it is never made again")
            : s with { State = TreasuryStepState.Pending, Attempts = s.Attempts + 1, StartedAt = at, Cursor = cursor, Error = null });
    }

    /// <summary>Records step <paramref name="index"/> done, with the exchange's reference id and the master's ledger entry.</summary>
    /// <exception cref="InvalidOperationException">The step was not pending (a bug).</exception>
    public TreasuryStep MarkDone(string id, int index, string? refId, string? ledgerId, bool recognised, DateTimeOffset at) =>
        Change(id, index, s => s.State is TreasuryStepState.Pending or TreasuryStepState.Failed
            ? s with { State = TreasuryStepState.Done, RefId = refId, LedgerId = ledgerId, Recognised = recognised, DoneAt = at, Error = null }
            : throw new InvalidOperationException($"treasury operation {id} step {index} is {s.State}, not pending"));

    /// <summary>Records that the exchange refused step <paramref name="index"/> (nothing moved).</summary>
    public TreasuryStep MarkFailed(string id, int index, string error) =>
        Change(id, index, s => s.State == TreasuryStepState.Done
            ? throw new InvalidOperationException($"treasury operation {id} step {index} is done")
            : s with { State = TreasuryStepState.Failed, Error = error });

    /// <summary>Marks the operation finished (every step done).</summary>
    public void Finish(string id, DateTimeOffset at) => _store.Transact((c, tx) =>
    {
        _tables.Finish(c, tx, id, at);
        return true;
    });

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();

    private TreasuryStep Change(string id, int index, Func<TreasuryStep, TreasuryStep> change)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _store.Transact((c, tx) =>
        {
            var next = change(_tables.Step(c, tx, id, index));
            _tables.Save(c, tx, id, next);
            return next;
        });
    }
}
