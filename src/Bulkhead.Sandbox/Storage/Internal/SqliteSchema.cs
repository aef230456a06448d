using Microsoft.Data.Sqlite;

namespace Bulkhead.Sandbox.Storage.Internal;

/// <summary>The SQLite schema, its version, and the statements the store runs.</summary>
internal static class SqliteSchema
{
    /// <summary>The schema version this code writes; a newer database is refused rather than misread.</summary>
    public const int Version = 1;

    public const string UpsertAccount = """
        INSERT INTO accounts (name, master, iiban, futures_uid, created_at, futures_trading_enabled, volume_usd_30d)
        VALUES ($name, $master, $iiban, $uid, $created, $enabled, $volume)
        ON CONFLICT(name) DO UPDATE SET master = excluded.master, iiban = excluded.iiban, futures_uid = excluded.futures_uid,
            created_at = excluded.created_at, futures_trading_enabled = excluded.futures_trading_enabled, volume_usd_30d = excluded.volume_usd_30d
        """;

    public const string UpsertKey = """
        INSERT INTO keys (key, secret, account, venue, permissions, futures_access, futures_withdraw, nonce_window, ip_allowlist, expires_at, query_start, query_end, created_at, revoked_at)
        VALUES ($key, $secret, $account, $venue, $permissions, $access, $withdraw, $window, $ips, $expires, $qstart, $qend, $created, $revoked)
        ON CONFLICT(key) DO UPDATE SET secret = excluded.secret, account = excluded.account, venue = excluded.venue, permissions = excluded.permissions,
            futures_access = excluded.futures_access, futures_withdraw = excluded.futures_withdraw, nonce_window = excluded.nonce_window,
            ip_allowlist = excluded.ip_allowlist, expires_at = excluded.expires_at, query_start = excluded.query_start, query_end = excluded.query_end,
            created_at = excluded.created_at, revoked_at = excluded.revoked_at
        """;

    public const string InsertEntry = """
        INSERT INTO ledger (sequence, id, refid, time, account, wallet, asset, amount, fee, balance, type)
        VALUES ($seq, $id, $refid, $time, $account, $wallet, $asset, $amount, $fee, $balance, $type)
        """;

    // A high-water mark never goes down, even if two writers race.
    public const string UpsertNonce = """
        INSERT INTO nonces (key, high_water) VALUES ($key, $nonce)
        ON CONFLICT(key) DO UPDATE SET high_water = max(high_water, excluded.high_water)
        """;

    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS accounts (
            name TEXT PRIMARY KEY NOT NULL,
            master TEXT NULL REFERENCES accounts(name),
            iiban TEXT NOT NULL UNIQUE,
            futures_uid TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            futures_trading_enabled INTEGER NOT NULL,
            volume_usd_30d TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS keys (
            key TEXT PRIMARY KEY NOT NULL,
            secret BLOB NOT NULL,
            account TEXT NOT NULL REFERENCES accounts(name),
            venue INTEGER NOT NULL,
            permissions INTEGER NOT NULL,
            futures_access INTEGER NOT NULL,
            futures_withdraw INTEGER NOT NULL,
            nonce_window INTEGER NOT NULL,
            ip_allowlist TEXT NOT NULL,
            expires_at TEXT NULL,
            query_start TEXT NULL,
            query_end TEXT NULL,
            created_at TEXT NOT NULL,
            revoked_at TEXT NULL);
        CREATE TABLE IF NOT EXISTS ledger (
            sequence INTEGER PRIMARY KEY NOT NULL,
            id TEXT NOT NULL UNIQUE,
            refid TEXT NOT NULL,
            time TEXT NOT NULL,
            account TEXT NOT NULL,
            wallet INTEGER NOT NULL,
            asset TEXT NOT NULL,
            amount TEXT NOT NULL,
            fee TEXT NOT NULL,
            balance TEXT NOT NULL,
            type INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ledger_refid ON ledger(refid);
        CREATE TABLE IF NOT EXISTS nonces (
            key TEXT PRIMARY KEY NOT NULL,
            high_water INTEGER NOT NULL);
        """;

    /// <summary>Sets the pragmas and creates or checks the schema.</summary>
    public static void Apply(SqliteConnection connection, bool syncEveryCommit)
    {
        Run(connection, "PRAGMA journal_mode=WAL;");
        Run(connection, syncEveryCommit ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
        Run(connection, "PRAGMA foreign_keys=ON;");
        Run(connection, "PRAGMA busy_timeout=5000;");
        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = CreateTables;
            create.ExecuteNonQuery();
        }

        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT max(version) FROM schema_version";
            var found = read.ExecuteScalar();
            if (found is null or DBNull)
            {
                using var write = connection.CreateCommand();
                write.Transaction = transaction;
                write.CommandText = "INSERT INTO schema_version (version) VALUES ($v)";
                write.Parameters.AddWithValue("$v", Version);
                write.ExecuteNonQuery();
            }
            else if (Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture) > Version)
            {
                throw new InvalidOperationException($"The sandbox database has schema version {found}, newer than this build's {Version}: upgrade bulkhead or use another data folder.");
            }
        }

        transaction.Commit();
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
