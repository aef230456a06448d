using System.Data.Common;
using System.Globalization;
using Bulkhead.Fleet.Coordination.Internal;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Fills.Internal;

/// <summary>
/// The journal's SQL, shared by SQLite and PostgreSQL (both speak <c>INSERT … ON CONFLICT</c>). Decimals are stored as
/// invariant TEXT (exact, scale kept), instants as UTC ticks (exact round trip), enums by name.
/// </summary>
internal sealed class FillTables(string prefix)
{
    private const string FillColumns = "account, fill_id, strategy, process, venue, symbol, order_id, side, quantity, price, fee, fee_asset, time_ticks";
    private const string OrderColumns = "account, client_order_id, strategy, process, venue, symbol, order_id, side, quantity, limit_price, order_type, state, time_ticks";

    public string Fills => prefix + "fills";

    public string Orders => prefix + "orders";

    public string EquityPoints => prefix + "equity";

    public string Snapshots => prefix + "snapshots";

    public bool InsertFill(DbConnection c, JournalFill f)
    {
        using var command = DbTables.Command(c, null,
            $"INSERT INTO {Fills} ({FillColumns}) VALUES (@a, @id, @s, @p, @v, @sym, @o, @side, @q, @px, @fee, @fa, @t) ON CONFLICT (account, fill_id) DO NOTHING",
            ("a", f.Account), ("id", f.FillId), ("s", f.Strategy), ("p", f.Process), ("v", f.Venue.ToString()), ("sym", f.Symbol),
            ("o", f.OrderId), ("side", f.Side.ToString()), ("q", Text(f.Quantity)), ("px", Text(f.Price)), ("fee", Text(f.Fee)),
            ("fa", f.FeeAsset), ("t", f.Time.UtcTicks));
        return command.ExecuteNonQuery() == 1;
    }

    public void UpsertOrder(DbConnection c, JournalOrder o) =>
        DbTables.Execute(c, null,
            $"""
            INSERT INTO {Orders} AS o ({OrderColumns}) VALUES (@a, @cid, @s, @p, @v, @sym, @oid, @side, @q, @lp, @ty, @st, @t)
            ON CONFLICT (account, client_order_id) DO UPDATE SET
                strategy = excluded.strategy, process = excluded.process, venue = excluded.venue, symbol = excluded.symbol,
                order_id = COALESCE(excluded.order_id, o.order_id), side = excluded.side, quantity = excluded.quantity,
                limit_price = excluded.limit_price, order_type = excluded.order_type, state = excluded.state, time_ticks = excluded.time_ticks
            """,
            ("a", o.Account), ("cid", o.ClientOrderId), ("s", o.Strategy), ("p", o.Process), ("v", o.Venue.ToString()), ("sym", o.Symbol),
            ("oid", o.OrderId), ("side", o.Side.ToString()), ("q", Text(o.Quantity)), ("lp", o.LimitPrice is { } lp ? Text(lp) : null),
            ("ty", o.Type), ("st", o.State.ToString()), ("t", o.Time.UtcTicks));

    public void InsertEquity(DbConnection c, EquityPoint e) =>
        DbTables.Execute(c, null,
            $"INSERT INTO {EquityPoints} (account, strategy, time_ticks, equity, realised, unrealised, fees) VALUES (@a, @s, @t, @e, @r, @u, @f)",
            ("a", e.Account), ("s", e.Strategy), ("t", e.Time.UtcTicks), ("e", Text(e.EquityUsd)), ("r", Text(e.RealisedPnlUsd)),
            ("u", Text(e.UnrealisedPnlUsd)), ("f", Text(e.FeesUsd)));

    public void UpsertSnapshot(DbConnection c, JournalSnapshot s) =>
        DbTables.Execute(c, null,
            $"""
            INSERT INTO {Snapshots} (account, kind, process, time_ticks, json) VALUES (@a, @k, @p, @t, @j)
            ON CONFLICT (account, kind) DO UPDATE SET process = excluded.process, time_ticks = excluded.time_ticks, json = excluded.json
            """,
            ("a", s.Account), ("k", s.Kind), ("p", s.Process), ("t", s.Time.UtcTicks), ("j", s.Json));

    public List<JournalFill> ReadFills(DbConnection c, string? account)
    {
        using var command = DbTables.Command(c, null,
            $"SELECT {FillColumns} FROM {Fills}{(account is null ? string.Empty : " WHERE account = @a")}", ("a", account));
        using var r = command.ExecuteReader();
        var fills = new List<JournalFill>();
        while (r.Read())
        {
            fills.Add(new JournalFill(r.GetString(0), r.GetString(2), r.GetString(3), Enum.Parse<Venue>(r.GetString(4)), r.GetString(5),
                r.GetString(1), r.IsDBNull(6) ? null : r.GetString(6), Enum.Parse<OrderSide>(r.GetString(7)), Number(r.GetString(8)),
                Number(r.GetString(9)), Number(r.GetString(10)), r.GetString(11), Instant(r.GetInt64(12))));
        }

        // Execution-time order, ties by fill id (ordinal): the order FillPnl folds them in, whatever the database collation.
        fills.Sort((x, y) => x.Time != y.Time ? x.Time.CompareTo(y.Time) : string.CompareOrdinal(x.FillId, y.FillId));
        return fills;
    }

    public List<JournalOrder> ReadOrders(DbConnection c, string? account)
    {
        using var command = DbTables.Command(c, null,
            $"SELECT {OrderColumns} FROM {Orders}{(account is null ? string.Empty : " WHERE account = @a")} ORDER BY id", ("a", account));
        using var r = command.ExecuteReader();
        var orders = new List<JournalOrder>();
        while (r.Read())
        {
            orders.Add(new JournalOrder(r.GetString(0), r.GetString(2), r.GetString(3), Enum.Parse<Venue>(r.GetString(4)), r.GetString(5),
                r.GetString(1), r.IsDBNull(6) ? null : r.GetString(6), Enum.Parse<OrderSide>(r.GetString(7)), Number(r.GetString(8)),
                r.IsDBNull(9) ? null : Number(r.GetString(9)), r.GetString(10), Enum.Parse<JournalOrderState>(r.GetString(11)), Instant(r.GetInt64(12))));
        }

        return orders;
    }

    public List<EquityPoint> ReadEquity(DbConnection c, string? strategy, int? latest)
    {
        const string Columns = "account, strategy, time_ticks, equity, realised, unrealised, fees";
        var where = strategy is null ? string.Empty : " WHERE strategy = @s";
        // Each strategy's newest points only: numbered newest first per strategy (SQLite ≥ 3.25 and PostgreSQL alike).
        var source = latest is null ? $"{EquityPoints}{where}"
            : $"(SELECT {Columns}, id, ROW_NUMBER() OVER (PARTITION BY strategy ORDER BY time_ticks DESC, id DESC) AS newest FROM {EquityPoints}{where}) AS windowed WHERE newest <= @n";
        using var command = DbTables.Command(c, null, $"SELECT {Columns} FROM {source} ORDER BY time_ticks, id", ("s", strategy), ("n", latest));
        using var r = command.ExecuteReader();
        var points = new List<EquityPoint>();
        while (r.Read())
        {
            points.Add(new EquityPoint(r.GetString(0), r.GetString(1), Instant(r.GetInt64(2)), Number(r.GetString(3)), Number(r.GetString(4)),
                Number(r.GetString(5)), Number(r.GetString(6))));
        }

        return points;
    }

    public List<JournalSnapshot> ReadSnapshots(DbConnection c)
    {
        using var command = DbTables.Command(c, null, $"SELECT account, kind, process, time_ticks, json FROM {Snapshots} ORDER BY account, kind");
        using var r = command.ExecuteReader();
        var snapshots = new List<JournalSnapshot>();
        while (r.Read())
        {
            snapshots.Add(new JournalSnapshot(r.GetString(0), r.GetString(1), r.GetString(2), Instant(r.GetInt64(3)), r.GetString(4)));
        }

        return snapshots;
    }

    /// <summary>The tables (<paramref name="serialKey"/> is the backend's auto-increment key column).</summary>
    public string Schema(string serialKey) => $"""
        CREATE TABLE IF NOT EXISTS {Fills} (
            account TEXT NOT NULL, fill_id TEXT NOT NULL, strategy TEXT NOT NULL, process TEXT NOT NULL, venue TEXT NOT NULL,
            symbol TEXT NOT NULL, order_id TEXT, side TEXT NOT NULL, quantity TEXT NOT NULL, price TEXT NOT NULL, fee TEXT NOT NULL,
            fee_asset TEXT NOT NULL, time_ticks BIGINT NOT NULL,
            PRIMARY KEY (account, fill_id)
        );
        CREATE TABLE IF NOT EXISTS {Orders} (
            id {serialKey}, account TEXT NOT NULL, client_order_id TEXT NOT NULL, strategy TEXT NOT NULL, process TEXT NOT NULL,
            venue TEXT NOT NULL, symbol TEXT NOT NULL, order_id TEXT, side TEXT NOT NULL, quantity TEXT NOT NULL, limit_price TEXT,
            order_type TEXT NOT NULL, state TEXT NOT NULL, time_ticks BIGINT NOT NULL,
            UNIQUE (account, client_order_id)
        );
        CREATE TABLE IF NOT EXISTS {EquityPoints} (
            id {serialKey}, account TEXT NOT NULL, strategy TEXT NOT NULL, time_ticks BIGINT NOT NULL, equity TEXT NOT NULL,
            realised TEXT NOT NULL, unrealised TEXT NOT NULL, fees TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS {prefix.Replace("\"", string.Empty, StringComparison.Ordinal).Replace(".", "_", StringComparison.Ordinal)}equity_strategy ON {EquityPoints} (strategy, time_ticks);
        CREATE TABLE IF NOT EXISTS {Snapshots} (
            account TEXT NOT NULL, kind TEXT NOT NULL, process TEXT NOT NULL, time_ticks BIGINT NOT NULL, json TEXT NOT NULL,
            PRIMARY KEY (account, kind)
        );
        """;

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);
}
