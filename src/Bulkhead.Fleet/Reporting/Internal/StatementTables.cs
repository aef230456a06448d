using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Bulkhead.Fleet.Coordination.Internal;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Reporting.Internal;

/// <summary>
/// The statement progress's SQL, the same for SQLite and PostgreSQL: one row per environment and account (the ledger
/// cursor and the sums, amounts as exact decimal text in a JSON document) and one row per fill read (times as UTC ticks).
/// </summary>
internal sealed class StatementTables(string accounts, string fills)
{
    private const string FillColumns = "fill_id, order_id, client_order_id, symbol, side, quantity, price, time_ticks, is_maker, fee, fee_currency";

    public string Schema(string bigType) => $"""
        CREATE TABLE IF NOT EXISTS {accounts} (
            environment   TEXT NOT NULL,
            account       TEXT NOT NULL,
            ledger_cursor TEXT,
            sums          TEXT NOT NULL,
            PRIMARY KEY (environment, account)
        );
        CREATE TABLE IF NOT EXISTS {fills} (
            environment     TEXT NOT NULL,
            account         TEXT NOT NULL,
            fill_id         TEXT NOT NULL,
            order_id        TEXT NOT NULL,
            client_order_id TEXT,
            symbol          TEXT NOT NULL,
            side            TEXT NOT NULL,
            quantity        TEXT NOT NULL,
            price           TEXT NOT NULL,
            time_ticks      {bigType} NOT NULL,
            is_maker        INTEGER,
            fee             TEXT,
            fee_currency    TEXT,
            PRIMARY KEY (environment, account, fill_id)
        );
        """;

    public StatementProgress Load(DbConnection c, DbTransaction? tx, string environment, string account)
    {
        string? cursor;
        Sums? sums;
        using (var select = DbTables.Command(c, tx, $"SELECT ledger_cursor, sums FROM {accounts} WHERE environment = @e AND account = @a", ("e", environment), ("a", account)))
        using (var reader = select.ExecuteReader())
        {
            if (!reader.Read())
            {
                return StatementProgress.Start;
            }

            cursor = reader.IsDBNull(0) ? null : reader.GetString(0);
            sums = JsonSerializer.Deserialize<Sums>(reader.GetString(1));
        }

        var found = new List<VenueFill>();
        using (var select = DbTables.Command(c, tx, $"SELECT {FillColumns} FROM {fills} WHERE environment = @e AND account = @a ORDER BY time_ticks, fill_id", ("e", environment), ("a", account)))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add(new VenueFill(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetString(3),
                    Enum.Parse<OrderSide>(reader.GetString(4)),
                    Number(reader.GetString(5)),
                    Number(reader.GetString(6)),
                    new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8) != 0,
                    reader.IsDBNull(9) ? null : new VenueFee(Number(reader.GetString(9)), reader.GetString(10))));
            }
        }

        return new StatementProgress(cursor is null ? null : new VenueLedgerCursor(cursor), Decode(sums?.Flows), Decode(sums?.Funding), Decode(sums?.Other), Decode(sums?.Balances), found);
    }

    public void Save(DbConnection c, DbTransaction? tx, string environment, string account, StatementProgress progress, IEnumerable<VenueFill> newFills)
    {
        var sums = JsonSerializer.Serialize(new Sums(Encode(progress.NetFlows), Encode(progress.Funding), Encode(progress.OtherBookings), Encode(progress.LastBalances)));
        DbTables.Execute(c, tx,
            $"INSERT INTO {accounts} (environment, account, ledger_cursor, sums) VALUES (@e, @a, @c, @s) ON CONFLICT (environment, account) DO UPDATE SET ledger_cursor = excluded.ledger_cursor, sums = excluded.sums",
            ("e", environment), ("a", account), ("c", progress.LedgerCursor?.Value), ("s", sums));
        foreach (var f in newFills)
        {
            DbTables.Execute(c, tx,
                $"INSERT INTO {fills} (environment, account, {FillColumns}) VALUES (@e, @a, @id, @o, @co, @sy, @sd, @q, @p, @t, @m, @f, @fc) ON CONFLICT (environment, account, fill_id) DO NOTHING",
                ("e", environment), ("a", account), ("id", f.FillId), ("o", f.OrderId), ("co", f.ClientOrderId), ("sy", f.Symbol), ("sd", f.Side.ToString()),
                ("q", Text(f.Quantity)), ("p", Text(f.Price)), ("t", f.Time.UtcTicks), ("m", f.IsMaker is { } maker ? (maker ? 1 : 0) : null),
                ("f", f.Fee is { } fee ? Text(fee.Amount) : null), ("fc", f.Fee?.Currency));
        }
    }

    /// <summary>Forgets an account's progress (its fills too): the next read is the whole history again.</summary>
    public void Forget(DbConnection c, DbTransaction? tx, string environment, string account)
    {
        DbTables.Execute(c, tx, $"DELETE FROM {fills} WHERE environment = @e AND account = @a", ("e", environment), ("a", account));
        DbTables.Execute(c, tx, $"DELETE FROM {accounts} WHERE environment = @e AND account = @a", ("e", environment), ("a", account));
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Encode(IReadOnlyDictionary<string, decimal> sums) =>
        sums.ToDictionary(s => s.Key, s => Text(s.Value), StringComparer.Ordinal);

    private static Dictionary<string, decimal> Decode(Dictionary<string, string>? sums) =>
        (sums ?? []).ToDictionary(s => s.Key, s => Number(s.Value), StringComparer.Ordinal);

    /// <summary>The sums document; amounts as invariant decimal text so they come back exactly.</summary>
    private sealed record Sums(Dictionary<string, string> Flows, Dictionary<string, string> Funding, Dictionary<string, string> Other, Dictionary<string, string> Balances);
}
