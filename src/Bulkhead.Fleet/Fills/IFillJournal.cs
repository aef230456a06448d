namespace Bulkhead.Fleet.Fills;

/// <summary>
/// The fill journal: every order a trading process sent and every fill it saw, its equity points and its latest account
/// snapshots. SQLite for one host, PostgreSQL for several (<c>FillJournal.Open</c>); several processes write to one
/// journal at once. The source of P&amp;L, reporting and reconciliation.
/// </summary>
public interface IFillJournal : IDisposable
{
    /// <summary>Records an order, or its newer state (upsert by account and client order id).</summary>
    void RecordOrder(JournalOrder order);

    /// <summary>Records a fill once; returns false when the account already has this fill id (a replay after a restart).</summary>
    bool RecordFill(JournalFill fill);

    /// <summary>Appends an equity point.</summary>
    void RecordEquity(EquityPoint point);

    /// <summary>Replaces the account's snapshot of that kind.</summary>
    void RecordSnapshot(JournalSnapshot snapshot);

    /// <summary>The orders, oldest first; of one account when given.</summary>
    IReadOnlyList<JournalOrder> Orders(string? account = null);

    /// <summary>The fills in execution-time order; of one account when given.</summary>
    IReadOnlyList<JournalFill> Fills(string? account = null);

    /// <summary>
    /// The equity points in time order; of one strategy when given; only each strategy's <paramref name="latest"/> newest
    /// points when given (a dashboard's window, read without loading the whole history).
    /// </summary>
    IReadOnlyList<EquityPoint> Equity(string? strategy = null, int? latest = null);

    /// <summary>Every account's latest snapshot of every kind.</summary>
    IReadOnlyList<JournalSnapshot> Snapshots();
}
