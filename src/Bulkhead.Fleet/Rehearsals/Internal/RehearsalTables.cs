using System.Collections.Immutable;
using System.Data.Common;
using Bulkhead.Fleet.Coordination.Internal;

namespace Bulkhead.Fleet.Rehearsals.Internal;

/// <summary>The rehearsal journal's SQL, the same for SQLite and PostgreSQL (times as microseconds, lists as lines).</summary>
internal sealed class RehearsalTables(string table)
{
    private const string Columns = "rehearsal_id, revision, environment, started_us, ended_us, ran, differences, nonce_errors, lockouts, problems";

    public string Schema(string bigType) => $"""
        CREATE TABLE IF NOT EXISTS {table} (
            rehearsal_id TEXT NOT NULL PRIMARY KEY,
            revision     TEXT NOT NULL,
            environment  TEXT NOT NULL,
            started_us   {bigType} NOT NULL,
            ended_us     {bigType} NOT NULL,
            ran          TEXT NOT NULL,
            differences  INTEGER,
            nonce_errors {bigType} NOT NULL,
            lockouts     {bigType} NOT NULL,
            problems     TEXT NOT NULL
        );
        """;

    public void Insert(DbConnection c, DbTransaction? tx, Rehearsal r) =>
        DbTables.Execute(c, tx, $"INSERT INTO {table} ({Columns}) VALUES (@id, @rev, @env, @s, @e, @ran, @d, @n, @l, @p)",
            ("id", r.Id), ("rev", r.Revision), ("env", r.Environment), ("s", TimeColumns.ToMicros(r.StartedAt)), ("e", TimeColumns.ToMicros(r.EndedAt)),
            ("ran", string.Join('\n', r.Ran)), ("d", r.Differences), ("n", r.NonceErrors), ("l", r.Lockouts), ("p", string.Join('\n', r.Problems)));

    /// <summary>The newest <paramref name="count"/> records (newest first), optionally of one revision.</summary>
    public List<Rehearsal> Recent(DbConnection c, DbTransaction? tx, int count, string? revision)
    {
        var result = new List<Rehearsal>();
        var where = revision is null ? string.Empty : " WHERE revision = @rev";
        using var select = DbTables.Command(c, tx,
            $"SELECT {Columns} FROM {table}{where} ORDER BY ended_us DESC, rehearsal_id DESC LIMIT {count.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            revision is null ? [] : [("rev", revision)]);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            result.Add(new Rehearsal(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                TimeColumns.FromMicros(reader.GetInt64(3)),
                TimeColumns.FromMicros(reader.GetInt64(4)),
                Lines(reader.GetString(5)),
                reader.IsDBNull(6) ? null : Convert.ToInt32(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetInt64(7),
                reader.GetInt64(8),
                Lines(reader.GetString(9))));
        }

        return result;
    }

    private static ImmutableArray<string> Lines(string text) => text.Length == 0 ? [] : [.. text.Split('\n')];
}
