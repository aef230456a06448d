using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Storage.Internal;

namespace Bulkhead.Sandbox.Storage;

/// <summary>Retention: removing compacted history and keeping the futures positions carried forward.</summary>
public sealed partial class SqliteSandboxStore
{
    /// <inheritdoc />
    public void Compact(SandboxCompaction compaction)
    {
        ArgumentNullException.ThrowIfNull(compaction);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Execute(SqliteSchema.Begin);
            try
            {
                Remove(compaction);
                Execute(SqliteSchema.CommitTransaction);
            }
            catch
            {
                RollBack();
                throw;
            }
        }
    }

    private void Remove(SandboxCompaction compaction)
    {
        foreach (var carry in compaction.Carries)
        {
            Execute(SqliteSchema.UpsertCarry, ("$account", carry.Account), ("$symbol", carry.Position.Symbol),
                ("$size", Text(carry.Position.Size)), ("$cost", Text(carry.Position.Cost)), ("$time", Text(carry.Position.LastFillTime)));
        }

        // Trades first: a trade refers to its order.
        foreach (var sequence in compaction.Trades)
        {
            Execute(SqliteSchema.DeleteTrade, ("$seq", sequence));
        }

        foreach (var id in compaction.Orders)
        {
            Execute(SqliteSchema.DeleteOrder, ("$id", id));
        }

        foreach (var sequence in compaction.Entries)
        {
            Execute(SqliteSchema.DeleteEntry, ("$seq", sequence));
        }
    }

    private List<PositionCarry> LoadCarries()
    {
        var carries = new List<PositionCarry>();
        Read("SELECT account, symbol, size, cost, last_fill FROM position_carries ORDER BY account, symbol", r =>
            carries.Add(new PositionCarry(r.GetString(0), new FuturesPosition(r.GetString(1), Decimal(r.GetString(2)), Decimal(r.GetString(3)), Time(r.GetString(4))))));
        return carries;
    }
}
