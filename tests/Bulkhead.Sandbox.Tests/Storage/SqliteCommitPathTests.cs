using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;
using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Storage;

/// <summary>The SQLite commit path: prepared BEGIN/COMMIT statements, and a clean rollback when a statement fails.</summary>
public sealed class SqliteCommitPathTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Commit_AfterOneThatFailedMidway_StartsAFreshTransaction()
    {
        using (var store = new SqliteSandboxStore(_folder.Path, syncEveryCommit: false))
        {
            var broken = new SandboxChangeSet();
            broken.Entries.Add(Entry(1, "L1", 10m));
            broken.Entries.Add(Entry(1, "L2", -10m));
            Should.Throw<SqliteException>(() => store.Commit(broken));

            var good = new SandboxChangeSet();
            good.Accounts.Add(new SandboxAccount("desk", null, "AA11 BB22 CC33 DD44", Guid.NewGuid(), Now, true, 0m));
            good.Nonces["k"] = 7;
            store.Commit(good);
        }

        using var reopened = new SqliteSandboxStore(_folder.Path, syncEveryCommit: false);
        var snapshot = reopened.Load();
        snapshot.Accounts.Single().Name.ShouldBe("desk");
        snapshot.Entries.ShouldBeEmpty();
        snapshot.Nonces["k"].ShouldBe(7);
    }

    private static LedgerEntry Entry(long sequence, string id, decimal amount) =>
        new(id, "T" + sequence, sequence, Now, "desk", Wallet.Spot, "ZUSD", amount, 0m, amount, LedgerEntryType.Deposit);
}
