using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Shouldly;
using Xunit;
using static Bulkhead.Dashboard.Tests.Api.FleetData;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary>The JSON API over real SQLite files, the exchange unreachable (a dead port): every part from its source.</summary>
public sealed class FleetApiTests
{
    private static readonly string[] Parts = ["balances", "pnl", "equity", "fees", "margin", "audit", "treasury", "operations", "alerts"];

    private static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    [Fact]
    public async Task Fleet_Document_HasEveryPartEachWithItsError()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        Seed(fleet);
        await fleet.ServeAsync();

        var document = await fleet.GetJsonAsync("/api/fleet");

        document.Select(p => p.Key).ShouldBe(["fleet", "environment", "time", "exchange", "tree", .. Parts]);
        ((string)document["fleet"]!).ShouldBe("desk");
        ((string)document["environment"]!).ShouldBe("sandbox");
        ((string)document["time"]!).ShouldBe("2026-11-26T14:00:00+00:00");
        ((string)document["tree"]!["master"]!["kind"]!).ShouldBe("master");
        foreach (var part in Parts.Append("tree"))
        {
            document[part]!.AsObject().ContainsKey("error").ShouldBeTrue(part);
        }
    }

    [Fact]
    public async Task Parts_EachEndpoint_ServesTheSamePartAsTheFleetDocument()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        Seed(fleet);
        await fleet.ServeAsync();
        var document = await fleet.GetJsonAsync("/api/fleet");

        foreach (var part in Parts.Append("tree"))
        {
            var alone = await fleet.GetJsonAsync("/api/" + part);
            JsonNode.DeepEquals(alone, document[part]).ShouldBeTrue($"/api/{part}: {alone.ToJsonString()} vs {document[part]!.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Money_ExchangeDown_ValuesUsdOnly_PnlFromLastEquityPoint_FeesFromTheVolumeSnapshot()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        Seed(fleet);
        await fleet.ServeAsync();

        var document = await fleet.GetJsonAsync("/api/fleet");

        ((bool)document["exchange"]!["reachable"]!).ShouldBeFalse();
        ((string)document["exchange"]!["error"]!).ShouldNotBeNullOrWhiteSpace(); // refused, or retried past the timeout

        var accounts = document["balances"]!["accounts"]!.AsArray().Select(a => a!.AsObject()).ToDictionary(a => (string)a["account"]!);
        accounts.Keys.ShouldBe(["desk", "mm", "hedge"]); // master first; momo has no snapshot yet
        Dec(accounts["desk"]["equityUsd"]).ShouldBe(100_000m);
        accounts["mm"]["equityUsd"].ShouldBeNull(); // its XBT has no mark while the exchange is down
        var mmAssets = accounts["mm"]["assets"]!.AsArray();
        ((string)mmAssets[0]!["asset"]!).ShouldBe("XXBT");
        Dec(mmAssets[0]!["amount"]).ShouldBe(0.55m);
        mmAssets[0]!["usd"].ShouldBeNull();
        Dec(mmAssets[1]!["usd"]).ShouldBe(40_000m);
        Dec(accounts["hedge"]["equityUsd"]).ShouldBe(30_241.10m); // the flex portfolio value
        ((string)accounts["hedge"]["process"]!).ShouldBe("hedge-trader");
        document["balances"]!["consolidated"]!["equityUsd"].ShouldBeNull();
        ((string)document["balances"]!["error"]!).ShouldContain("no marks yet");

        var pnl = document["pnl"]!["strategies"]!.AsArray().Select(s => s!.AsObject()).ToDictionary(s => (string)s["strategy"]!);
        pnl.Keys.ShouldBe(["mm", "momo", "hedge"]);
        Dec(pnl["mm"]["realisedUsd"]).ShouldBe(50m);
        Dec(pnl["mm"]["unrealisedUsd"]).ShouldBe(25m);
        Dec(pnl["mm"]["feesUsd"]).ShouldBe(5.42m);
        Dec(pnl["mm"]["pnlUsd"]).ShouldBe(69.58m);
        Dec(pnl["mm"]["volumeUsd"]).ShouldBe(13_550m);
        ((int)pnl["mm"]["fills"]!).ShouldBe(2);
        Dec(pnl["momo"]["pnlUsd"]).ShouldBe(0m);
        Dec(pnl["hedge"]["pnlUsd"]).ShouldBe(-5m);
        Dec(document["pnl"]!["consolidated"]!["pnlUsd"]).ShouldBe(64.58m);
        ((string)document["pnl"]!["error"]!).ShouldContain("no current mark for mm, hedge");

        var fees = document["fees"]!.AsObject();
        Dec(fees["volume30dUsd"]).ShouldBe(61_234.50m);
        Dec(fees["tier"]!["minVolumeUsd"]).ShouldBe(50_000m);
        Dec(fees["tier"]!["takerPct"]).ShouldBe(0.24m);
        Dec(fees["nextTier"]!["minVolumeUsd"]).ShouldBe(100_000m);
        Dec(fees["volumeToNextTierUsd"]).ShouldBe(38_765.50m);
        fees["ladder"]!.AsArray().Count.ShouldBe(10);
        ((string)fees["source"]!).ShouldBe("built-in");
        fees["error"].ShouldBeNull();

        var margin = document["margin"]!["accounts"]!.AsArray().Single()!.AsObject();
        ((string)margin["account"]!).ShouldBe("hedge");
        Dec(margin["marginLevel"]).ShouldBe(decimal.Round(30_241.10m / 1_200.5m, 4));
        Dec(margin["maintenanceMarginUsd"]).ShouldBe(1_200.5m);
        var position = margin["positions"]!.AsArray().Single()!.AsObject();
        ((string)position["symbol"]!).ShouldBe("PF_XBTUSD");
        Dec(position["size"]).ShouldBe(-0.4m);
        Dec(position["entryPrice"]).ShouldBe(90_000m);
        position["markPrice"].ShouldBeNull();
        position["liquidationPrice"].ShouldBeNull();

        var curves = document["equity"]!["strategies"]!.AsArray().Select(s => s!.AsObject()).ToDictionary(s => (string)s["strategy"]!);
        curves["mm"]["points"]!.AsArray().Select(p => Dec(p!["pnlUsd"])).ShouldBe([1.4m, 69.58m]);
        curves["momo"]["points"]!.AsArray().ShouldBeEmpty();

        var operation = document["treasury"]!["operations"]!.AsArray().Single()!.AsObject();
        ((string)operation["id"]!).ShouldBe("tr-20261126-135000-abc123");
        ((string)operation["request"]!["kind"]!).ShouldBe("sweep");
        Dec(operation["request"]!["keep"]).ShouldBe(40_000m);
        var step = operation["steps"]!.AsArray().Single()!.AsObject();
        ((string)step["kind"]!).ShouldBe("spot-transfer");
        ((string)step["state"]!).ShouldBe("done");
        ((string)step["refId"]!).ShouldBe("TRF3KQ-7XHZT-4M2PAV");
        Dec(step["amount"]).ShouldBe(8_612.3377m);

        document["audit"]!["error"].ShouldBeNull();
        document["audit"]!["findings"]!.AsArray().ShouldAllBe(f => new[] { "error", "warning", "info" }.Contains((string)f!["severity"]!));
    }

    [Fact]
    public async Task Equity_Since_FiltersPoints_BadSinceIs400()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        Seed(fleet);
        await fleet.ServeAsync();

        var all = await fleet.GetJsonAsync("/api/equity");
        var since = await fleet.GetJsonAsync("/api/equity?since=" + Uri.EscapeDataString(T0.AddSeconds(90).ToString("O")));

        all["strategies"]!.AsArray().First(s => (string)s!["strategy"]! == "mm")!["points"]!.AsArray().Count.ShouldBe(2);
        since["strategies"]!.AsArray().First(s => (string)s!["strategy"]! == "mm")!["points"]!.AsArray().Count.ShouldBe(1);
        using var bad = await fleet.Http.GetAsync(fleet.Url("/api/equity?since=yesterday"), TestContext.Current.CancellationToken);
        ((int)bad.StatusCode).ShouldBe(400);
        (await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("ISO-8601");
    }

    [Fact]
    public async Task Status_IsTheSupervisorSnapshotAsBefore()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        fleet.AllRunning();
        await fleet.ServeAsync();

        var served = await fleet.Http.GetStringAsync(fleet.Url("/api/status"), TestContext.Current.CancellationToken);

        served.ShouldBe(JsonSerializer.Serialize(new { fleet = "desk", environment = "sandbox", time = fleet.Time.GetUtcNow(), processes = fleet.Supervisor.Snapshot() }, StatusJson));
        var status = JsonNode.Parse(served)!;
        status["processes"]!.AsArray().Select(p => (string)p!["process"]!).ShouldBe(["mm-trader", "momo-trader", "hedge-trader", "dashboard"]);
        ((string)status["processes"]![0]!["state"]!).ShouldBe("running");
        ((decimal)status["processes"]![0]!["heartbeat"]!["pnlUsd"]!).ShouldBe(1.25m);
    }
}
