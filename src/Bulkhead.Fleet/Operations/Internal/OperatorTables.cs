using System.Data.Common;
using Bulkhead.Fleet.Coordination.Internal;

namespace Bulkhead.Fleet.Operations.Internal;

/// <summary>The operator journal's SQL, the same for SQLite and PostgreSQL (times as microseconds).</summary>
internal sealed class OperatorTables(string actions)
{
    private const string Columns = "action_id, action, target, operator, source, started_us, state, progress, result, finished_us";

    public string Schema(string bigType) => $"""
        CREATE TABLE IF NOT EXISTS {actions} (
            action_id   TEXT NOT NULL PRIMARY KEY,
            action      TEXT NOT NULL,
            target      TEXT NOT NULL,
            operator    TEXT NOT NULL,
            source      TEXT NOT NULL,
            started_us  {bigType} NOT NULL,
            state       TEXT NOT NULL,
            progress    TEXT,
            result      TEXT,
            finished_us {bigType}
        );
        """;

    public void Insert(DbConnection c, DbTransaction? tx, OperatorAction a) =>
        DbTables.Execute(c, tx, $"INSERT INTO {actions} ({Columns}) VALUES (@id, @a, @t, @o, @s, @st, @state, @p, @r, @f)",
            ("id", a.Id), ("a", a.Action), ("t", a.Target), ("o", a.Operator), ("s", a.Source), ("st", TimeColumns.ToMicros(a.StartedAt)),
            ("state", Name(a.State)), ("p", a.Progress), ("r", a.Result), ("f", a.FinishedAt is { } f ? TimeColumns.ToMicros(f) : null));

    public void Update(DbConnection c, DbTransaction? tx, OperatorAction a) =>
        DbTables.Execute(c, tx, $"UPDATE {actions} SET state = @state, progress = @p, result = @r, finished_us = @f WHERE action_id = @id",
            ("id", a.Id), ("state", Name(a.State)), ("p", a.Progress), ("r", a.Result), ("f", a.FinishedAt is { } f ? TimeColumns.ToMicros(f) : null));

    public OperatorAction? Find(DbConnection c, DbTransaction? tx, string id) => Select(c, tx, " WHERE action_id = @id", ("id", id)).FirstOrDefault();

    /// <summary>The newest <paramref name="count"/> actions (newest first), optionally only some kinds and states.</summary>
    public List<OperatorAction> Recent(DbConnection c, DbTransaction? tx, int count, string? where = null, params (string Name, object? Value)[] parameters) =>
        Select(c, tx, $"{where} ORDER BY started_us DESC, action_id DESC LIMIT {count.ToString(System.Globalization.CultureInfo.InvariantCulture)}", parameters);

    private List<OperatorAction> Select(DbConnection c, DbTransaction? tx, string tail, params (string Name, object? Value)[] parameters)
    {
        var result = new List<OperatorAction>();
        using var select = DbTables.Command(c, tx, $"SELECT {Columns} FROM {actions}{tail}", parameters);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new OperatorAction(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                TimeColumns.FromMicros(reader.GetInt64(5)),
                Enum.Parse<OperatorActionState>(reader.GetString(6), ignoreCase: true),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : TimeColumns.FromMicros(reader.GetInt64(9))));
        }

        return result;
    }

    private static string Name(OperatorActionState state) => state.ToString().ToLowerInvariant();
}
