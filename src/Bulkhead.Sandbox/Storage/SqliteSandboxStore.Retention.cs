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
            using var transaction = _connection.BeginTransaction();
            foreach (var carry in compaction.Carries)
            {
                Execute(transaction, SqliteSchema.UpsertCarry, ("$account", carry.Account), ("$symbol", carry.Position.Symbol),
                    ("$size", Text(carry.Position.Size)), ("$cost", Text(carry.Position.Cost)), ("$time", Text(carry.Position.LastFillTime)));
            }

            // Trades first: a trade refers to its order.
            foreach (var sequence in compaction.Trades)
            {
                Execute(transaction, SqliteSchema.DeleteTrade, ("$seq", sequence));
            }

            foreach (var id in compaction.Orders)
            {
                Execute(transaction, SqliteSchema.DeleteOrder, ("$id", id));
            }

            foreach (var sequence in compaction.Entries)
            {
                Execute(transaction, SqliteSchema.DeleteEntry, ("$seq", sequence));
            }

            transaction.Commit();
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
