using Microsoft.Data.Sqlite;

namespace Bulkhead.Sandbox.Storage.Internal;

/// <summary>The SQLite schema, its version, and the statements the store runs.</summary>
internal static class SqliteSchema
{
    /// <summary>The schema version this code writes; a newer database is refused rather than misread.</summary>
    /// <remarks>
    /// 1: accounts, keys, ledger, nonces. 2: orders and trades (a version-1 folder gains the two empty tables on open).
    /// 3: position carries, written by retention (an older folder gains the empty table on open).
    /// </remarks>
    public const int Version = 3;

    public const string UpsertCarry = """
        INSERT INTO position_carries (account, symbol, size, cost, last_fill) VALUES ($account, $symbol, $size, $cost, $time)
        ON CONFLICT(account, symbol) DO UPDATE SET size = excluded.size, cost = excluded.cost, last_fill = excluded.last_fill
        """;

    public const string DeleteTrade = "DELETE FROM trades WHERE sequence = $seq";

    public const string DeleteOrder = "DELETE FROM orders WHERE id = $id";

    public const string DeleteEntry = "DELETE FROM ledger WHERE sequence = $seq";

    public const string UpsertOrder = """
        INSERT INTO orders (id, engine_id, account, venue, symbol, side, kind, price, volume, executed, cost, fee, status, opened_at, closed_at,
            userref, cl_ord_id, flags, time_in_force, expires_at, self_trade, reduce_only, reason, hold, hold_asset, fee_cap, fee_asset, priority)
        VALUES ($id, $engine, $account, $venue, $symbol, $side, $kind, $price, $volume, $executed, $cost, $fee, $status, $opened, $closed,
            $userref, $clordid, $flags, $tif, $expires, $stp, $reduce, $reason, $hold, $holdasset, $feecap, $feeasset, $priority)
        ON CONFLICT(id) DO UPDATE SET price = excluded.price, volume = excluded.volume, executed = excluded.executed, cost = excluded.cost,
            fee = excluded.fee, status = excluded.status, closed_at = excluded.closed_at, reason = excluded.reason, hold = excluded.hold,
            hold_asset = excluded.hold_asset, fee_cap = excluded.fee_cap, priority = excluded.priority, expires_at = excluded.expires_at,
            userref = excluded.userref, cl_ord_id = excluded.cl_ord_id, flags = excluded.flags
        """;

    public const string InsertTrade = """
        INSERT INTO trades (sequence, id, order_id, account, venue, symbol, side, kind, price, volume, cost, fee, fee_asset, maker, time, usd_volume)
        VALUES ($seq, $id, $order, $account, $venue, $symbol, $side, $kind, $price, $volume, $cost, $fee, $feeasset, $maker, $time, $usd)
        """;

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

    public const string Begin = "BEGIN";

    public const string CommitTransaction = "COMMIT";

    public const string RollbackTransaction = "ROLLBACK";

    // A high-water mark never goes down, even if two writers race.
    public const string UpsertNonce = """
        INSERT INTO nonces (key, high_water) VALUES ($key, $nonce)
        ON CONFLICT(key) DO UPDATE SET high_water = max(high_water, excluded.high_water)
        """;

    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS position_carries (
            account TEXT NOT NULL,
            symbol TEXT NOT NULL,
            size TEXT NOT NULL,
            cost TEXT NOT NULL,
            last_fill TEXT NOT NULL,
            PRIMARY KEY (account, symbol));
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
        CREATE TABLE IF NOT EXISTS orders (
            id TEXT PRIMARY KEY NOT NULL,
            engine_id INTEGER NOT NULL UNIQUE,
            account TEXT NOT NULL,
            venue INTEGER NOT NULL,
            symbol TEXT NOT NULL,
            side INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            price TEXT NULL,
            volume TEXT NOT NULL,
            executed TEXT NOT NULL,
            cost TEXT NOT NULL,
            fee TEXT NOT NULL,
            status INTEGER NOT NULL,
            opened_at TEXT NOT NULL,
            closed_at TEXT NULL,
            userref INTEGER NULL,
            cl_ord_id TEXT NULL,
            flags INTEGER NOT NULL,
            time_in_force INTEGER NOT NULL,
            expires_at TEXT NULL,
            self_trade INTEGER NOT NULL,
            reduce_only INTEGER NOT NULL,
            reason TEXT NULL,
            hold TEXT NOT NULL,
            hold_asset TEXT NULL,
            fee_cap TEXT NOT NULL,
            fee_asset TEXT NOT NULL,
            priority INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS orders_open ON orders(status);
        CREATE TABLE IF NOT EXISTS trades (
            sequence INTEGER PRIMARY KEY NOT NULL,
            id TEXT NOT NULL,
            order_id TEXT NOT NULL REFERENCES orders(id),
            account TEXT NOT NULL,
            venue INTEGER NOT NULL,
            symbol TEXT NOT NULL,
            side INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            price TEXT NOT NULL,
            volume TEXT NOT NULL,
            cost TEXT NOT NULL,
            fee TEXT NOT NULL,
            fee_asset TEXT NOT NULL,
            maker INTEGER NOT NULL,
            time TEXT NOT NULL,
            usd_volume TEXT NOT NULL,
            UNIQUE (id, order_id));
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
            var version = found is null or DBNull ? 0L : Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture);
            if (version > Version)
            {
                throw new InvalidOperationException($"The sandbox database has schema version {found}, newer than this build's {Version}: upgrade bulkhead or use another data folder.");
            }

            // Migration: every version's tables are created above with IF NOT EXISTS (version 1 → 2 adds orders and
            // trades, empty), so an older folder only needs its version raised, in the same transaction.
            if (version < Version)
            {
                using var write = connection.CreateCommand();
                write.Transaction = transaction;
                write.CommandText = "INSERT INTO schema_version (version) VALUES ($v)";
                write.Parameters.AddWithValue("$v", Version);
                write.ExecuteNonQuery();
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
