using Bulkhead.EndToEnd.Tests.Fleet;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Market;
using Shouldly;
using Xunit;
using static Bulkhead.Dashboard.Tests.Api.FleetData;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary>With the exchange up (the sandbox in this process, its market on): marks value every asset and position.</summary>
public sealed class ExchangeUpTests
{
    [Fact]
    public async Task Money_ExchangeUp_ValuedAtThePublicMarks_AndReachableFlipsWhenItStops()
    {
        var sandbox = SandboxHost.Build(new SandboxOptions { InMemory = true, Market = new MarketOptions { Enabled = true } }, "http://127.0.0.1:0", TimeProvider.System);
        await sandbox.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var fleet = await DashboardFixture.CreateAsync(new Uri(sandbox.Urls.First()), TimeProvider.System);
            Seed(fleet);
            await fleet.ServeAsync();

            System.Text.Json.Nodes.JsonObject document = [];
            await Polling.UntilAsync(
                async () => (document = await fleet.GetJsonAsync("/api/fleet"))["pnl"]!["error"] is null && document["balances"]!["error"] is null,
                TimeSpan.FromSeconds(60),
                "the dashboard to read the sandbox's marks");

            ((bool)document["exchange"]!["reachable"]!).ShouldBeTrue();
            document["exchange"]!["error"].ShouldBeNull();
            var mm = document["balances"]!["accounts"]!.AsArray().Single(a => (string)a!["account"]! == "mm")!;
            var xbt = mm["assets"]!.AsArray().Single(a => (string)a!["asset"]! == "XXBT")!;
            var zusd = mm["assets"]!.AsArray().Single(a => (string)a!["asset"]! == "ZUSD")!;
            var xbtUsd = Dec(xbt["usd"]);
            xbtUsd.ShouldBeGreaterThan(0m);
            Dec(mm["equityUsd"]).ShouldBe(Dec(zusd["usd"]) + xbtUsd);
            document["balances"]!["consolidated"]!["equityUsd"].ShouldNotBeNull();

            // mm: long 0.05 at an average 90,000 → unrealised 0.05 × (mark − 90,000); the mark is XBT's USD rate.
            var mark = xbtUsd / 0.55m;
            var pnl = document["pnl"]!["strategies"]!.AsArray().Single(s => (string)s!["strategy"]! == "mm")!;
            Dec(pnl["realisedUsd"]).ShouldBe(50m);
            Dec(pnl["unrealisedUsd"]).ShouldBe(decimal.Round(0.05m * (mark - 90_000m), 4), 0.0002m);
            document["pnl"]!["marksAt"].ShouldNotBeNull();

            var position = document["margin"]!["accounts"]![0]!["positions"]![0]!;
            Dec(position["markPrice"]).ShouldBeGreaterThan(0m);
            Dec(position["liquidationPrice"]).ShouldBeGreaterThan(Dec(position["markPrice"])); // a short: liquidated above
            Dec(position["distancePct"]).ShouldBeGreaterThan(0m);
            ((string)document["fees"]!["source"]!).ShouldBe("exchange");

            await sandbox.StopAsync(TestContext.Current.CancellationToken);
            await Polling.UntilAsync(
                async () => !(bool)(await fleet.GetJsonAsync("/api/fleet"))["exchange"]!["reachable"]!,
                TimeSpan.FromSeconds(60),
                "the dashboard to see the sandbox gone");
            var after = await fleet.GetJsonAsync("/api/fleet");
            ((string)after["exchange"]!["error"]!).ShouldNotBeNullOrWhiteSpace();
            after["balances"]!["accounts"]!.AsArray().Count.ShouldBe(3); // the last marks still value what the journal holds
        }
        finally
        {
            await sandbox.DisposeAsync();
        }
    }
}
