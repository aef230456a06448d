using System.Data.Common;
using Bulkhead.Fleet.Fills.Internal;

namespace Bulkhead.Fleet.Fills;

/// <summary>
/// The fill journal over a SQL database, once for both backends (the pattern of the coordination store): every write is
/// one statement, so concurrent writers from several processes never interleave halfway. A fill is inserted with
/// <c>ON CONFLICT (account, fill_id) DO NOTHING</c>, so two processes racing to journal the same fill record it once.
/// Only <see cref="Sqlite.SqliteFillJournal"/> and <see cref="Postgres.PostgresFillJournal"/> derive from it. Thread-safe.
/// </summary>
public abstract class RelationalFillJournal : IFillJournal
{
    private readonly FillTables _tables;

    private protected RelationalFillJournal(FillTables tables)
    {
        _tables = tables;
    }

    /// <inheritdoc />
    public void RecordOrder(JournalOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrWhiteSpace(order.Account, nameof(order));
        ArgumentException.ThrowIfNullOrWhiteSpace(order.ClientOrderId, nameof(order));
        WithConnection(c =>
        {
            _tables.UpsertOrder(c, order);
            return true;
        });
    }

    /// <inheritdoc />
    public bool RecordFill(JournalFill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentException.ThrowIfNullOrWhiteSpace(fill.Account, nameof(fill));
        ArgumentException.ThrowIfNullOrWhiteSpace(fill.FillId, nameof(fill));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fill.Quantity, nameof(fill));
        return WithConnection(c => _tables.InsertFill(c, fill));
    }

    /// <inheritdoc />
    public void RecordEquity(EquityPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        WithConnection(c =>
        {
            _tables.InsertEquity(c, point);
            return true;
        });
    }

    /// <inheritdoc />
    public void RecordSnapshot(JournalSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshot.Kind, nameof(snapshot));
        WithConnection(c =>
        {
            _tables.UpsertSnapshot(c, snapshot);
            return true;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<JournalOrder> Orders(string? account = null) => WithConnection(c => _tables.ReadOrders(c, account));

    /// <inheritdoc />
    public IReadOnlyList<JournalFill> Fills(string? account = null) => WithConnection(c => _tables.ReadFills(c, account));

    /// <inheritdoc />
    public IReadOnlyList<EquityPoint> Equity(string? strategy = null, int? latest = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latest ?? 1, nameof(latest));
        return WithConnection(c => _tables.ReadEquity(c, strategy, latest));
    }

    /// <inheritdoc />
    public IReadOnlyList<JournalSnapshot> Snapshots() => WithConnection(_tables.ReadSnapshots);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the backend's connections.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Runs <paramref name="work"/> on an open (pooled) connection in autocommit mode.</summary>
    private protected abstract T WithConnection<T>(Func<DbConnection, T> work);
}
