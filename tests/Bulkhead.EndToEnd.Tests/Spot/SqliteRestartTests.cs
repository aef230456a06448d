using Bulkhead.EndToEnd.Tests.Harness;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Spot;

/// <summary>The default SQLite store under ccxt: what a client did survives a restart on the same data folder.</summary>
public sealed class SqliteRestartTests
{
    [Fact]
    public async Task AccountTransfer_OnSqlite_BalancesLedgerAndNonceSurviveARestart()
    {
        var folder = Directory.CreateTempSubdirectory("bulkhead-e2e-");
        try
        {
            ApiKeyPair key;
            string desk, mm;
            long highWater;
            await using (var first = await SandboxServer.StartAsync(o => { o.InMemory = false; o.DataFolder = folder.FullName; }))
            {
                await first.Admin.CreateAccountAsync("desk");
                await first.Admin.CreateAccountAsync("mm", master: "desk");
                await first.Admin.DepositAsync("desk", "ZUSD", "1000");
                key = await first.Admin.CreateSpotKeyAsync("desk", [QueryFunds, WithdrawFunds, QueryLedgerEntries]);
                desk = first.Exchange.FindAccount("desk")!.Iiban;
                mm = first.Exchange.FindAccount("mm")!.Iiban;
                var steps = await first.RunAsync(Ccxt, key, ClientStep.Call("privatePostAccountTransfer", new Dictionary<string, string> { ["asset"] = "ZUSD", ["amount"] = "300", ["from"] = desk, ["to"] = mm }));
                steps[0].Ok.ShouldBeTrue(steps[0].ToString());
                highWater = first.Exchange.NonceHighWater(key.Key);
            }

            await using var second = await SandboxServer.StartAsync(o => { o.InMemory = false; o.DataFolder = folder.FullName; });
            var after = await second.RunAsync(Ccxt, key, new ClientStep("fetchBalance", Nonce: highWater), ClientStep.Call("fetchBalance"), ClientStep.Call("fetchLedger", "USD"));

            after[0].Error.ShouldBe("InvalidNonce", "the nonce high-water mark is persisted: " + after[0]);
            after[1].Ok.ShouldBeTrue(after[1].ToString());
            after[1].Value!["USD"]!["total"]!.GetValue<double>().ShouldBe(700d);
            after[2].Value!.AsArray().Count.ShouldBe(2, "deposit and transfer-out");
            second.Balance("mm", "ZUSD").ShouldBe(300m);
            second.Exchange.FindAccount("mm")!.Iiban.ShouldBe(mm);
            second.ShouldConserveTotals();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
