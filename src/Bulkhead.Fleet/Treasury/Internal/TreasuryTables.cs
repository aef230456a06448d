using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using Bulkhead.Fleet.Coordination.Internal;

namespace Bulkhead.Fleet.Treasury.Internal;

/// <summary>The treasury journal's SQL, the same for SQLite and PostgreSQL (amounts as exact decimal text, times as microseconds).</summary>
internal sealed class TreasuryTables(string operations, string steps)
{
    private const string StepColumns = "step_index, kind, from_account, to_account, asset, amount, state, attempts, started_us, cursor, ref_id, ledger_id, recognised, error, done_us";

    public string Schema(string bigType) => $"""
        CREATE TABLE IF NOT EXISTS {operations} (
            operation_id TEXT NOT NULL PRIMARY KEY,
            request      TEXT NOT NULL,
            created_us   {bigType} NOT NULL,
            state        TEXT NOT NULL,
            finished_us  {bigType}
        );
        CREATE TABLE IF NOT EXISTS {steps} (
            operation_id TEXT NOT NULL,
            step_index   INTEGER NOT NULL,
            kind         TEXT NOT NULL,
            from_account TEXT NOT NULL,
            to_account   TEXT NOT NULL,
            asset        TEXT NOT NULL,
            amount       TEXT NOT NULL,
            state        TEXT NOT NULL,
            attempts     INTEGER NOT NULL DEFAULT 0,
            started_us   {bigType},
            cursor       TEXT,
            ref_id       TEXT,
            ledger_id    TEXT,
            recognised   INTEGER NOT NULL DEFAULT 0,
            error        TEXT,
            done_us      {bigType},
            PRIMARY KEY (operation_id, step_index)
        );
        """;

    public void Insert(DbConnection c, DbTransaction? tx, TreasuryOperation operation)
    {
        DbTables.Execute(c, tx, $"INSERT INTO {operations} (operation_id, request, created_us, state) VALUES (@id, @r, @c, @s)",
            ("id", operation.Id), ("r", operation.Request.Canonical), ("c", TimeColumns.ToMicros(operation.CreatedAt)), ("s", Name(operation.State)));
        foreach (var step in operation.Steps)
        {
            DbTables.Execute(c, tx, $"INSERT INTO {steps} (operation_id, step_index, kind, from_account, to_account, asset, amount, state) VALUES (@id, @i, @k, @f, @t, @a, @m, @s)",
                ("id", operation.Id), ("i", step.Index), ("k", TreasuryStep.KindName(step.Kind)), ("f", step.From), ("t", step.To), ("a", step.Asset),
                ("m", step.Amount.ToString(CultureInfo.InvariantCulture)), ("s", Name(step.State)));
        }
    }

    public List<TreasuryOperation> Load(DbConnection c, DbTransaction? tx, string? id, bool openOnly)
    {
        var where = id is not null ? " WHERE operation_id = @id" : openOnly ? " WHERE state = 'open'" : string.Empty;
        var found = new List<(string Id, string Request, long Created, string State, long? Finished)>();
        using (var select = DbTables.Command(c, tx, $"SELECT operation_id, request, created_us, state, finished_us FROM {operations}{where} ORDER BY created_us, operation_id", id is null ? [] : [("id", id)]))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4)));
            }
        }

        // Every listed operation's steps in one query (not one per operation: the dashboard lists them every second).
        var stepsWhere = id is not null ? " WHERE operation_id = @id"
            : openOnly ? $" WHERE operation_id IN (SELECT operation_id FROM {operations} WHERE state = 'open')"
            : string.Empty;
        var stepsOf = LoadSteps(c, tx, stepsWhere, id);
        return [.. found.Select(o => new TreasuryOperation(o.Id, TreasuryRequest.Parse(o.Request), TimeColumns.FromMicros(o.Created), stepsOf.GetValueOrDefault(o.Id, []))
        {
            State = Enum.Parse<TreasuryOperationState>(o.State, ignoreCase: true),
            FinishedAt = o.Finished is { } f ? TimeColumns.FromMicros(f) : null,
        })];
    }

    public TreasuryStep Step(DbConnection c, DbTransaction? tx, string id, int index) =>
        LoadSteps(c, tx, " WHERE operation_id = @id", id).GetValueOrDefault(id, []).FirstOrDefault(s => s.Index == index)
            ?? throw new InvalidOperationException($"treasury operation {id} has no step {index}");

    public void Save(DbConnection c, DbTransaction? tx, string id, TreasuryStep s) =>
        DbTables.Execute(c, tx,
            $"UPDATE {steps} SET state = @s, attempts = @n, started_us = @st, cursor = @cu, ref_id = @r, ledger_id = @l, recognised = @rc, error = @e, done_us = @d WHERE operation_id = @id AND step_index = @i",
            ("id", id), ("i", s.Index), ("s", Name(s.State)), ("n", s.Attempts), ("st", s.StartedAt is { } st ? TimeColumns.ToMicros(st) : null),
            ("cu", s.Cursor?.ToString()), ("r", s.RefId), ("l", s.LedgerId), ("rc", s.Recognised ? 1 : 0), ("e", s.Error),
            ("d", s.DoneAt is { } d ? TimeColumns.ToMicros(d) : null));

    public void Finish(DbConnection c, DbTransaction? tx, string id, DateTimeOffset at) =>
        DbTables.Execute(c, tx, $"UPDATE {operations} SET state = 'done', finished_us = @f WHERE operation_id = @id", ("id", id), ("f", TimeColumns.ToMicros(at)));

    public ImmutableHashSet<string> Claimed(DbConnection c, DbTransaction? tx)
    {
        var claimed = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        using var select = DbTables.Command(c, tx, $"SELECT ref_id, ledger_id FROM {steps} WHERE state = 'done'");
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            for (var i = 0; i < 2; i++)
            {
                if (!reader.IsDBNull(i))
                {
                    claimed.Add(reader.GetString(i));
                }
            }
        }

        return claimed.ToImmutable();
    }

    /// <summary>The steps of the operations <paramref name="where"/> selects, by operation id, each in step order.</summary>
    private Dictionary<string, ImmutableArray<TreasuryStep>> LoadSteps(DbConnection c, DbTransaction? tx, string where, string? id)
    {
        var result = new Dictionary<string, ImmutableArray<TreasuryStep>.Builder>(StringComparer.Ordinal);
        using var select = DbTables.Command(c, tx, $"SELECT {StepColumns}, operation_id FROM {steps}{where} ORDER BY operation_id, step_index", id is null ? [] : [("id", id)]);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var operation = reader.GetString(15);
            if (!result.TryGetValue(operation, out var list))
            {
                result[operation] = list = ImmutableArray.CreateBuilder<TreasuryStep>();
            }

            list.Add(new TreasuryStep(reader.GetInt32(0), TreasuryStep.ParseKind(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                decimal.Parse(reader.GetString(5), NumberStyles.Number, CultureInfo.InvariantCulture))
            {
                State = Enum.Parse<TreasuryStepState>(reader.GetString(6), ignoreCase: true),
                Attempts = reader.GetInt32(7),
                StartedAt = reader.IsDBNull(8) ? null : TimeColumns.FromMicros(reader.GetInt64(8)),
                Cursor = reader.IsDBNull(9) ? null : TreasuryCursor.Parse(reader.GetString(9)),
                RefId = reader.IsDBNull(10) ? null : reader.GetString(10),
                LedgerId = reader.IsDBNull(11) ? null : reader.GetString(11),
                Recognised = reader.GetInt32(12) != 0,
                Error = reader.IsDBNull(13) ? null : reader.GetString(13),
                DoneAt = reader.IsDBNull(14) ? null : TimeColumns.FromMicros(reader.GetInt64(14)),
            });
        }

        return result.ToDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
    }

#pragma warning disable CA1308 // The journal's state names are lower-case words.
    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
#pragma warning restore CA1308
}
