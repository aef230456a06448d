using System.Data.Common;
using Bulkhead.Fleet.Coordination.Internal;

namespace Bulkhead.Fleet.Hosts.Internal;

/// <summary>The process leases' and host heartbeats' SQL, the same for SQLite and PostgreSQL (times as microseconds).</summary>
internal sealed class HostTables(string processes, string hosts, bool forUpdate)
{
    public string Schema(string bigType) => $"""
        CREATE TABLE IF NOT EXISTS {processes} (
            process_name  TEXT NOT NULL PRIMARY KEY,
            fencing_token {bigType} NOT NULL,
            host          TEXT,
            expires_at_us {bigType}
        );
        CREATE TABLE IF NOT EXISTS {hosts} (
            host        TEXT NOT NULL PRIMARY KEY,
            pid         INTEGER NOT NULL,
            beat_at_us  {bigType} NOT NULL,
            up_since_us {bigType} NOT NULL
        );
        """;

    /// <summary>The process's row, locked for this transaction (a placeholder is inserted first so there is one to lock).</summary>
    public ProcessOwner LoadProcess(DbConnection c, DbTransaction? tx, string process)
    {
        DbTables.Execute(c, tx, $"INSERT INTO {processes} (process_name, fencing_token) VALUES (@p, 0) ON CONFLICT (process_name) DO NOTHING", ("p", process));
        using var select = DbTables.Command(c, tx, $"SELECT process_name, fencing_token, host, expires_at_us FROM {processes} WHERE process_name = @p{(forUpdate ? " FOR UPDATE" : string.Empty)}", ("p", process));
        using var reader = select.ExecuteReader();
        reader.Read();
        return Owner(reader);
    }

    public void SaveProcess(DbConnection c, DbTransaction? tx, ProcessOwner row) =>
        DbTables.Execute(c, tx, $"UPDATE {processes} SET fencing_token = @t, host = @h, expires_at_us = @e WHERE process_name = @p",
            ("p", row.Process), ("t", row.FencingToken), ("h", row.Host), ("e", row.ExpiresAt is { } e ? TimeColumns.ToMicros(e) : null));

    public List<ProcessOwner> Processes(DbConnection c, DbTransaction? tx)
    {
        using var select = DbTables.Command(c, tx, $"SELECT process_name, fencing_token, host, expires_at_us FROM {processes} WHERE fencing_token > 0 ORDER BY process_name");
        using var reader = select.ExecuteReader();
        var rows = new List<ProcessOwner>();
        while (reader.Read())
        {
            rows.Add(Owner(reader));
        }

        return rows;
    }

    public List<HostBeat> Hosts(DbConnection c, DbTransaction? tx)
    {
        using var select = DbTables.Command(c, tx, $"SELECT host, pid, beat_at_us, up_since_us FROM {hosts} ORDER BY host");
        using var reader = select.ExecuteReader();
        var rows = new List<HostBeat>();
        while (reader.Read())
        {
            rows.Add(new HostBeat(reader.GetString(0), reader.GetInt32(1), TimeColumns.FromMicros(reader.GetInt64(2)), TimeColumns.FromMicros(reader.GetInt64(3))));
        }

        return rows;
    }

    public void SaveHost(DbConnection c, DbTransaction? tx, HostBeat beat) =>
        DbTables.Execute(c, tx,
            $"INSERT INTO {hosts} (host, pid, beat_at_us, up_since_us) VALUES (@h, @p, @b, @u) ON CONFLICT (host) DO UPDATE SET pid = @p, beat_at_us = @b, up_since_us = @u",
            ("h", beat.Host), ("p", beat.Pid), ("b", TimeColumns.ToMicros(beat.BeatAt)), ("u", TimeColumns.ToMicros(beat.UpSince)));

    private static ProcessOwner Owner(DbDataReader reader) => new(
        reader.GetString(0),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetInt64(1),
        reader.IsDBNull(3) ? null : TimeColumns.FromMicros(reader.GetInt64(3)));
}
