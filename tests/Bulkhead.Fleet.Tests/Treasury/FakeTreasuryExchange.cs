using System.Globalization;
using Bulkhead.Fleet.Treasury;

namespace Bulkhead.Fleet.Tests.Treasury;

/// <summary>An in-memory master ledger: each call books one entry (unless told otherwise) and answers as scripted.</summary>
internal sealed class FakeTreasuryExchange(TimeProvider time) : ITreasuryExchange
{
    private readonly List<TreasuryEvidence> _ledger = [];

    /// <summary>How many calls each step index got.</summary>
    public Dictionary<int, int> Calls { get; } = [];

    /// <summary>The answer to give per step index (default: done, money moved).</summary>
    public Dictionary<int, (TreasuryCallOutcome Outcome, bool Moves)> Script { get; } = [];

    public IReadOnlyList<TreasuryEvidence> Ledger => _ledger;

    /// <summary>Books an entry nobody's step made (another movement of the same asset and amount).</summary>
    public TreasuryEvidence Book(string asset, decimal change)
    {
        var entry = new TreasuryEvidence("L" + (_ledger.Count + 1).ToString(CultureInfo.InvariantCulture), "R" + (_ledger.Count + 1).ToString(CultureInfo.InvariantCulture), time.GetUtcNow(), asset, change);
        _ledger.Add(entry);
        return entry;
    }

    public Task<TreasuryCursor> CursorAsync(TreasuryStep step, CancellationToken cancellationToken)
    {
        if (_ledger.Count == 0)
        {
            return Task.FromResult(new TreasuryCursor(TreasuryCursor.SpotLedger, null, []));
        }

        var newest = _ledger.Max(e => e.Time);
        return Task.FromResult(new TreasuryCursor(TreasuryCursor.SpotLedger, newest, [.. _ledger.Where(e => e.Time == newest).Select(e => e.LedgerId)]));
    }

    public Task<TreasuryCallOutcome> ExecuteAsync(TreasuryStep step, CancellationToken cancellationToken)
    {
        Calls[step.Index] = Calls.GetValueOrDefault(step.Index) + 1;
        var (outcome, moves) = Script.GetValueOrDefault(step.Index, (TreasuryCallOutcome.Done(null), true));
        if (moves)
        {
            var entry = Book(step.Asset, Change(step));
            return Task.FromResult(outcome.Kind == TreasuryCallResult.Done ? TreasuryCallOutcome.Done(entry.RefId) : outcome);
        }

        return Task.FromResult(outcome);
    }

    public Task<IReadOnlyList<TreasuryEvidence>> FindAsync(TreasuryStep step, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TreasuryEvidence>>([.. _ledger.Where(e => step.Cursor!.IsAfter(e.Time, e.LedgerId) && e.Asset == step.Asset && e.Amount == Change(step))]);

    public static decimal Change(TreasuryStep step) => step.To == "desk" ? step.Amount : -step.Amount;
}
