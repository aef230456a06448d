using System.Data.Common;

namespace Bulkhead.Fleet.Coordination.Internal;

/// <summary>
/// The SQL both backends share (SQLite ≥ 3.24 and PostgreSQL speak the same upsert). Row locking differs: PostgreSQL
/// locks the row with <c>FOR UPDATE</c>; SQLite's <c>BEGIN IMMEDIATE</c> already holds the database's write lock.
/// A placeholder row is inserted first (<c>ON CONFLICT DO NOTHING</c>) so there is always a row to lock: two
/// processes can never both see "no row" and both insert a grant.
/// </summary>
internal sealed class DbTables(string leases, string rateStates, bool forUpdate)
{
    private const string LeaseColumns = "key_name, fencing_token, holder_process, holder_host, holder_pid, holder_since_us, expires_at_us, nonce_mark";

    public LeaseRow? LoadLease(DbConnection connection, DbTransaction? transaction, string keyName)
    {
        Execute(connection, transaction, $"INSERT INTO {leases} (key_name, fencing_token, nonce_mark) VALUES (@k, 0, 0) ON CONFLICT (key_name) DO NOTHING", ("k", keyName));
        using var select = Command(connection, transaction, $"SELECT {LeaseColumns} FROM {leases} WHERE key_name = @k{(forUpdate ? " FOR UPDATE" : string.Empty)}", ("k", keyName));
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        LeaseHolder? holder = reader.IsDBNull(2)
            ? null
            : new LeaseHolder(reader.GetString(2), reader.GetString(3), reader.GetInt32(4), TimeColumns.FromMicros(reader.GetInt64(5)));
        DateTimeOffset? expires = reader.IsDBNull(6) ? null : TimeColumns.FromMicros(reader.GetInt64(6));
        return new LeaseRow(reader.GetString(0), reader.GetInt64(1), holder, expires, reader.GetInt64(7));
    }

    public void SaveLease(DbConnection connection, DbTransaction? transaction, LeaseRow row) =>
        Execute(connection, transaction,
            $"UPDATE {leases} SET fencing_token = @t, holder_process = @p, holder_host = @h, holder_pid = @pid, holder_since_us = @s, expires_at_us = @e, nonce_mark = @m WHERE key_name = @k",
            ("k", row.KeyName), ("t", row.Token), ("p", row.Holder?.Process), ("h", row.Holder?.Host), ("pid", row.Holder?.Pid),
            ("s", row.Holder is null ? null : TimeColumns.ToMicros(row.Holder.Since)),
            ("e", row.ExpiresAt is { } e ? TimeColumns.ToMicros(e) : null), ("m", row.NonceMark));

    public (string? Type, string? Json) LoadState(DbConnection connection, DbTransaction? transaction, string key)
    {
        Execute(connection, transaction, $"INSERT INTO {rateStates} (state_key) VALUES (@k) ON CONFLICT (state_key) DO NOTHING", ("k", key));
        using var select = Command(connection, transaction, $"SELECT state_type, state_json FROM {rateStates} WHERE state_key = @k{(forUpdate ? " FOR UPDATE" : string.Empty)}", ("k", key));
        using var reader = select.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(1) ? (reader.GetString(0), reader.GetString(1)) : (null, null);
    }

    public void SaveState(DbConnection connection, DbTransaction? transaction, string key, string type, string json) =>
        Execute(connection, transaction, $"UPDATE {rateStates} SET state_type = @t, state_json = @j WHERE state_key = @k", ("k", key), ("t", type), ("j", json));

    public static void Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Table names are fixed or validated identifiers; every value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
