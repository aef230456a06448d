using System.Globalization;
using System.Security.Cryptography;
using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Coordination.Internal;
using Bulkhead.Fleet.Operations.Internal;

namespace Bulkhead.Fleet.Operations;

/// <summary>
/// The journal of operators' actions (halt, resume, flatten, restart, the kill switch and its re-arming): who, when, what
/// and how it went, in the fleet's coordination store beside the leases and the treasury journal (the same SQLite file
/// or PostgreSQL schema), each change one transaction. The kill switch's state is read back from it: a supervisor that
/// starts while the last kill-switch action is a pull starts nothing until someone re-arms it.
/// </summary>
public sealed class OperatorJournal : IDisposable
{
    /// <summary>The actions that pull and re-arm the kill switch.</summary>
    public const string Kill = "kill";

    /// <summary>Re-arming the kill switch.</summary>
    public const string Rearm = "rearm";

    private readonly RelationalCoordinationStore _store;
    private readonly OperatorTables _tables;
    private readonly TimeProvider _time;

    private OperatorJournal(RelationalCoordinationStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        _tables = new OperatorTables(CoordinationTables.Name(store, "operator_actions"));
        CoordinationTables.Ensure(store, "operator_actions", "operator_actions", _tables.Schema);
    }

    /// <summary>Opens the journal in the coordination store <paramref name="specification"/> names (<c>sqlite:PATH</c> or <c>postgres:…</c>).</summary>
    public static OperatorJournal Open(string specification, TimeProvider time, string? baseDirectory = null) =>
        CoordinationTables.Open(specification, time, baseDirectory, store => new OperatorJournal(store, time));

    /// <summary>Journals a new action, running (or already refused when <paramref name="refusal"/> is given).</summary>
    public OperatorAction Start(string action, string target, string by, string source, string? refusal = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var now = _time.GetUtcNow();
        var id = $"op-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";
        var entry = refusal is null
            ? new OperatorAction(id, action, target, by, source, now, OperatorActionState.Running, null, null, null)
            : new OperatorAction(id, action, target, by, source, now, OperatorActionState.Refused, null, refusal, now);
        _store.Transact((c, tx) =>
        {
            _tables.Insert(c, tx, entry);
            return true;
        });
        return entry;
    }

    /// <summary>Records the step a running action has reached.</summary>
    public OperatorAction Progress(string id, string progress) => Change(id, a => a with { Progress = progress });

    /// <summary>Records how an action ended.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is <see cref="OperatorActionState.Running"/>.</exception>
    public OperatorAction Finish(string id, OperatorActionState state, string result)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(state, OperatorActionState.Running);
        var now = _time.GetUtcNow();
        return Change(id, a => a with { State = state, Result = result, FinishedAt = now });
    }

    /// <summary>The action <paramref name="id"/>, or null.</summary>
    public OperatorAction? Find(string id) => _store.Transact((c, tx) => _tables.Find(c, tx, id));

    /// <summary>The newest <paramref name="count"/> actions, newest first.</summary>
    public IReadOnlyList<OperatorAction> Recent(int count = 50)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return _store.Transact((c, tx) => _tables.Recent(c, tx, count));
    }

    /// <summary>
    /// The kill switch as the journal last left it: the last <see cref="Kill"/> that went through (or was still running
    /// when its supervisor died), unless a <see cref="Rearm"/> went through after it (then null).
    /// </summary>
    public OperatorAction? PulledKillSwitch() => _store.Transact((c, tx) =>
        _tables.Recent(c, tx, 1, " WHERE (action = @k AND state IN (@done, @running)) OR (action = @r AND state = @done)", ("k", Kill), ("r", Rearm), ("done", "done"), ("running", "running")) is [{ Action: Kill } pulled] ? pulled : null);

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();

    private OperatorAction Change(string id, Func<OperatorAction, OperatorAction> change)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _store.Transact((c, tx) =>
        {
            var next = change(_tables.Find(c, tx, id) ?? throw new InvalidOperationException($"the operator journal has no action {id}"));
            _tables.Update(c, tx, next);
            return next;
        });
    }
}
