using System.Runtime.Versioning;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;
using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Storage;

public sealed class SqliteSandboxStoreTests : SandboxStoreContractTests
{
    protected override bool Durable => true;

    protected override ISandboxStore Open() => new SqliteSandboxStore(Folder);

    [Fact]
    public void Commit_ConstraintViolationMidway_WritesNothing()
    {
        var account = new SandboxAccount("desk", null, "AA11 BB22 CC33 DD44", Guid.NewGuid(), Time.GetUtcNow(), true, 0m);
        var changes = new SandboxChangeSet();
        changes.Accounts.Add(account);
        changes.Entries.Add(Entry(1, "L1", 10m));
        changes.Entries.Add(Entry(1, "L2", -10m)); // same sequence: PRIMARY KEY violation after two rows went in
        changes.Nonces["k"] = 5;

        using (var store = Open())
        {
            Should.Throw<SqliteException>(() => store.Commit(changes));
            var snapshot = store.Load();
            snapshot.Accounts.ShouldBeEmpty();
            snapshot.Entries.ShouldBeEmpty();
            snapshot.Nonces.ShouldBeEmpty();
        }

        using var reopened = Open();
        reopened.Load().Accounts.ShouldBeEmpty();
    }

    [Fact]
    public void Commit_KeyOfUnknownAccount_RefusedByForeignKeyAndWritesNothing()
    {
        using var exchange = new SandboxExchange(Open(), Time);
        exchange.CreateAccount("desk", null);
        var key = exchange.CreateKey(new KeySpec("desk", KeyVenue.Spot, SpotPermission.QueryFunds, FuturesAccess.None, false, 0, [], null, null, null)).Value!.Key;
        var orphan = new SandboxApiKey("orphan", [1, 2, 3], "nobody", KeyVenue.Spot, SpotPermission.None, FuturesAccess.None, false, 0, [], null, null, null, Time.GetUtcNow(), null);
        var changes = new SandboxChangeSet();
        changes.Keys.Add(key.Revoked(Time.GetUtcNow()));
        changes.Keys.Add(orphan);

        using var store = new SqliteSandboxStore(Path.Combine(Folder, "other"));
        Should.Throw<SqliteException>(() => store.Commit(changes));
        store.Load().Keys.ShouldBeEmpty();
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Open_NewFolder_DatabaseFileIsOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var folder = Path.Combine(Folder, "fresh", "sandbox");
        using var exchange = new SandboxExchange(new SqliteSandboxStore(folder), Time);
        exchange.CreateAccount("desk", null);

        File.GetUnixFileMode(Path.Combine(folder, SqliteSandboxStore.FileName)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(folder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var sidecar in Directory.GetFiles(folder, SqliteSandboxStore.FileName + "-*"))
        {
            File.GetUnixFileMode(sidecar).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, sidecar);
        }
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Open_ExistingLooseFile_TightenedToOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = Path.Combine(Folder, SqliteSandboxStore.FileName);
        File.WriteAllBytes(path, []);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var store = Open();

        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Open_FirstTime_WalJournalSchemaVersionAndSecretsAsBlobs()
    {
        using (var exchange = new SandboxExchange(Open(), Time))
        {
            exchange.CreateAccount("desk", null);
            exchange.CreateKey(new KeySpec("desk", KeyVenue.Spot, SpotPermission.QueryFunds, FuturesAccess.None, false, 0, [], null, null, null));
        }

        using var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, SqliteSandboxStore.FileName)};Pooling=false");
        connection.Open();
        Scalar(connection, "PRAGMA journal_mode").ShouldBe("wal");
        Scalar(connection, "SELECT max(version) FROM schema_version").ShouldBe(3L);
        Scalar(connection, "SELECT typeof(secret) FROM keys").ShouldBe("blob");
        Scalar(connection, "SELECT length(secret) FROM keys").ShouldBe(64L);
    }

    [Fact]
    public void Open_NewerSchemaVersion_RefusedWithAFix()
    {
        using (Open())
        {
        }

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(Folder, SqliteSandboxStore.FileName)};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_version SET version = 99";
            command.ExecuteNonQuery();
        }

        Should.Throw<InvalidOperationException>(Open).Message.ShouldContain("schema version 99, newer than this build's 3");
    }

    [Fact]
    public async Task Commit_ConcurrentDirectCommits_AllLand()
    {
        using (var store = Open())
        {
            var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            {
                for (var n = 0; n < 20; n++)
                {
                    var changes = new SandboxChangeSet();
                    changes.Nonces[$"key{t}"] = n;
                    changes.Entries.Add(Entry((t * 100) + n + 1, $"L{t}-{n}", 1m));
                    store.Commit(changes);
                }
            }, TestContext.Current.CancellationToken));
            await Task.WhenAll(tasks);
        }

        using var reopened = Open();
        var snapshot = reopened.Load();
        snapshot.Entries.Count.ShouldBe(160);
        snapshot.Nonces.Values.ShouldAllBe(n => n == 19);
    }

    private LedgerEntry Entry(long sequence, string id, decimal amount) =>
        new(id, "TREF", sequence, Time.GetUtcNow(), "desk", Wallet.Spot, "ZUSD", amount, 0m, amount, LedgerEntryType.Deposit);

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
