using Bulkhead.Sandbox.Retention;
using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox;

/// <summary>Retention: one pass planned by <see cref="RetentionPlanner"/>, compacted in the store, then dropped by each component.</summary>
public sealed partial class SandboxExchange
{
    /// <summary>Runs one retention pass at the exchange's current time; answers what it removed.</summary>
    public SandboxCompaction Compact(RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var compaction = new RetentionPlanner(_trading, _ledger, _margin).Plan(now, options);
            if (!compaction.IsEmpty)
            {
                _store.Compact(compaction);
                _trading.Remove(compaction);
                _ledger.Remove(compaction.Entries.ToHashSet());
                _margin.Carry(compaction.Carries);
            }

            _fees.Prune(now);
            return compaction;
        }
    }

    /// <summary>How many trades, ledger entries and orders the exchange holds (for retention's tests and the soak).</summary>
    public (int Trades, int Entries, int Orders) HistorySize()
    {
        lock (_gate)
        {
            var (orders, trades) = _trading.Size;
            return (trades, _ledger.Count, orders);
        }
    }
}
