using System.Diagnostics;
using System.Globalization;
using System.Net;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Bulkhead.Sandbox.Storage;

/// <summary>
/// The sandbox's state in one SQLite file, <c>DATA/sandbox.db</c>: WAL journal, <c>synchronous=FULL</c> by default so an
/// acknowledged operation survives a process kill and a power loss (<c>NORMAL</c> survives a process kill only), one
/// transaction per <see cref="Commit"/>. Decimals are stored as invariant TEXT (scale preserved exactly), times as
/// ISO 8601 round-trip TEXT, key secrets as BLOB in a file readable by its owner only (0600). Thread-safe.
/// </summary>
public sealed partial class SqliteSandboxStore : ISandboxStore
{
    /// <summary>The database's file name inside the data folder.</summary>
    public const string FileName = "sandbox.db";

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;

    // One prepared command per statement text, reused across commits (the caller holds _gate): preparing a wide upsert
    // on every row written was a large part of a trading request's time.
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>Opens (creating if needed) <c>sandbox.db</c> in <paramref name="dataFolder"/>.</summary>
    /// <param name="dataFolder">The data folder; created (0700) if missing.</param>
    /// <param name="syncEveryCommit">True: <c>synchronous=FULL</c> (fsync per commit); false: <c>NORMAL</c>.</param>
    public SqliteSandboxStore(string dataFolder, bool syncEveryCommit = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataFolder);
        DataFolder.Ensure(dataFolder);
        Path = System.IO.Path.Combine(dataFolder, FileName);
        DataFolder.CreateOwnerOnlyFile(Path);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            _connection.Open();
            SqliteSchema.Apply(_connection, syncEveryCommit);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public SandboxSnapshot Load()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return new SandboxSnapshot(LoadAccounts(), LoadKeys(), LoadEntries(), LoadNonces(), LoadOrders(), LoadTrades(), LoadCarries());
        }
    }

    /// <inheritdoc />
    public void Commit(SandboxChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Execute(SqliteSchema.Begin);
            try
            {
                Write(changes);
                Execute(SqliteSchema.CommitTransaction);
            }
            catch
            {
                RollBack();
                throw;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var command in _prepared.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }

    private void Write(SandboxChangeSet changes)
    {
        foreach (var account in changes.Accounts)
        {
            Execute(SqliteSchema.UpsertAccount,
                ("$name", account.Name),
                ("$master", account.Master),
                ("$iiban", account.Iiban),
                ("$uid", account.FuturesUid.ToString("D")),
                ("$created", Text(account.CreatedAt)),
                ("$enabled", account.FuturesTradingEnabled ? 1 : 0),
                ("$volume", Text(account.VolumeUsd30d)));
        }

        foreach (var key in changes.Keys)
        {
            Execute(SqliteSchema.UpsertKey,
                ("$key", key.Key),
                ("$secret", key.Secret.ToArray()),
                ("$account", key.Account),
                ("$venue", (int)key.Venue),
                ("$permissions", (long)key.Permissions),
                ("$access", (int)key.FuturesAccess),
                ("$withdraw", key.FuturesWithdraw ? 1 : 0),
                ("$window", key.NonceWindow),
                ("$ips", string.Join(' ', key.IpAllowlist.Select(n => n.ToString()))),
                ("$expires", Text(key.ExpiresAt)),
                ("$qstart", Text(key.QueryStart)),
                ("$qend", Text(key.QueryEnd)),
                ("$created", Text(key.CreatedAt)),
                ("$revoked", Text(key.RevokedAt)));
        }

        foreach (var entry in changes.Entries)
        {
            Execute(SqliteSchema.InsertEntry,
                ("$seq", entry.Sequence),
                ("$id", entry.Id),
                ("$refid", entry.RefId),
                ("$time", Text(entry.Time)),
                ("$account", entry.Account),
                ("$wallet", (int)entry.Wallet),
                ("$asset", entry.Asset),
                ("$amount", Text(entry.Amount)),
                ("$fee", Text(entry.Fee)),
                ("$balance", Text(entry.Balance)),
                ("$type", (int)entry.Type));
        }

        foreach (var (key, nonce) in changes.Nonces)
        {
            Execute(SqliteSchema.UpsertNonce, ("$key", key), ("$nonce", nonce));
        }

        foreach (var order in changes.Orders)
        {
            WriteOrder(order);
        }

        foreach (var trade in changes.Trades)
        {
            WriteTrade(trade);
        }
    }

    // After a failed statement or COMMIT the transaction may still be open: roll it back so the next one starts clean.
    private void RollBack()
    {
        if (SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0)
        {
            Execute(SqliteSchema.RollbackTransaction);
        }
    }

    // Statements run on prepared commands, parameters bound by position (each SQL text always comes with the same names
    // in the same order). Transactions are prepared BEGIN/COMMIT statements too: Microsoft.Data.Sqlite's BeginTransaction
    // prepares and runs a fresh "BEGIN;" and "COMMIT;" each time, which was half the cost of a small commit.
    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _prepared[sql] = command;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            Debug.Assert(command.Parameters[i].ParameterName == parameters[i].Name, "parameters in the order of the first call");
            command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private void Read(string sql, Action<SqliteDataReader> row)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    private List<SandboxAccount> LoadAccounts()
    {
        var accounts = new List<SandboxAccount>();
        Read("SELECT name, master, iiban, futures_uid, created_at, futures_trading_enabled, volume_usd_30d FROM accounts ORDER BY rowid", reader =>
        {
            accounts.Add(new SandboxAccount(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                Guid.ParseExact(reader.GetString(3), "D"),
                Time(reader.GetString(4)),
                reader.GetInt64(5) != 0,
                Decimal(reader.GetString(6))));
        });

        return accounts;
    }

    private List<SandboxApiKey> LoadKeys()
    {
        var keys = new List<SandboxApiKey>();
        Read("SELECT key, secret, account, venue, permissions, futures_access, futures_withdraw, nonce_window, ip_allowlist, expires_at, query_start, query_end, created_at, revoked_at FROM keys ORDER BY rowid", reader =>
        {
            var ips = reader.GetString(8).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(IPNetwork.Parse).ToList();
            keys.Add(new SandboxApiKey(
                reader.GetString(0),
                (byte[])reader.GetValue(1),
                reader.GetString(2),
                (KeyVenue)reader.GetInt32(3),
                (SpotPermission)reader.GetInt64(4),
                (FuturesAccess)reader.GetInt32(5),
                reader.GetInt64(6) != 0,
                reader.GetInt64(7),
                ips,
                OptionalTime(reader, 9),
                OptionalTime(reader, 10),
                OptionalTime(reader, 11),
                Time(reader.GetString(12)),
                OptionalTime(reader, 13)));
        });

        return keys;
    }

    private List<LedgerEntry> LoadEntries()
    {
        var entries = new List<LedgerEntry>();
        Read("SELECT id, refid, sequence, time, account, wallet, asset, amount, fee, balance, type FROM ledger ORDER BY sequence", reader =>
        {
            entries.Add(new LedgerEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2),
                Time(reader.GetString(3)),
                reader.GetString(4),
                (Wallet)reader.GetInt32(5),
                reader.GetString(6),
                Decimal(reader.GetString(7)),
                Decimal(reader.GetString(8)),
                Decimal(reader.GetString(9)),
                (LedgerEntryType)reader.GetInt32(10)));
        });

        return entries;
    }

    private Dictionary<string, long> LoadNonces()
    {
        var nonces = new Dictionary<string, long>(StringComparer.Ordinal);
        Read("SELECT key, high_water FROM nonces", reader =>
        {
            nonces[reader.GetString(0)] = reader.GetInt64(1);
        });

        return nonces;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private static string? Text(DateTimeOffset? value) => value is { } v ? Text(v) : null;

    private static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static DateTimeOffset? OptionalTime(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader.GetString(ordinal));
}
