using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Reporting;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Reporting;

public sealed class AccountSnapshotsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 14, 0, 0, TimeSpan.Zero);

    private static readonly MarkPrices Marks = new(At, new Dictionary<string, decimal> { ["XBTUSD"] = 100_000m }, new Dictionary<string, decimal> { ["XXBT"] = 100_000m });

    [Fact]
    public void Holdings_SpotBalances_ValuedAtMarks()
    {
        var holdings = AccountSnapshots.Holdings(Snapshot("mm", "balances", """{"ZUSD":"48612.3377","XXBT":"0.5142","XETH":"0"}"""), null, Marks);

        holdings.Assets.ShouldBe([new HeldAsset("XXBT", 0.5142m, 51_420m), new HeldAsset("ZUSD", 48_612.3377m, 48_612.3377m)]);
        holdings.EquityUsd.ShouldBe(100_032.3377m);
        holdings.Time.ShouldBe(At);
        holdings.Process.ShouldBe("writer");
    }

    [Fact]
    public void Holdings_AssetWithoutMark_EquityUnknownButUsdStillValued()
    {
        var holdings = AccountSnapshots.Holdings(Snapshot("momo", "balances", """{"ZUSD":"10","XETH":"2"}"""), null, null);

        holdings.Assets.ShouldBe([new HeldAsset("XETH", 2m, null), new HeldAsset("ZUSD", 10m, 10m)]);
        holdings.EquityUsd.ShouldBeNull();
    }

    [Fact]
    public void Holdings_Futures_WalletsSummedAndEquityIsFlexPortfolioValue()
    {
        var balances = Snapshot("hedge", "balances", """[{"wallet":"flex","currency":"usd","quantity":30000.5,"available":29000},{"wallet":"cash","currency":"usd","quantity":1,"available":1}]""");
        var margin = Snapshot("hedge", "margin", """[{"wallet":"flex","currency":"USD","portfolioValue":30241.10,"availableMargin":27000,"initialMargin":2400,"maintenanceMargin":1200.5}]""");

        var holdings = AccountSnapshots.Holdings(balances, margin, Marks);

        holdings.Assets.ShouldBe([new HeldAsset("USD", 30_001.5m, 30_001.5m)]);
        holdings.EquityUsd.ShouldBe(30_241.10m);
        AccountSnapshots.MarginWallet(margin).ShouldBe(new FuturesMarginFigures(30_241.10m, 2_400m, 1_200.5m, 27_000m));
    }

    [Fact]
    public void Volume_MasterTradeVolume_Read() =>
        AccountSnapshots.Volume(Snapshot("desk", "volume", """{"currency":"ZUSD","volume":"61234.50"}""")).ShouldBe(61_234.50m);

    [Theory]
    [InlineData("not json")]
    [InlineData("42")]
    [InlineData("""{"ZUSD":true}""")]
    public void Balances_Malformed_FormatExceptionNamesTheSnapshot(string json) =>
        Should.Throw<FormatException>(() => AccountSnapshots.Balances(Snapshot("mm", "balances", json))).Message.ShouldContain("balances snapshot of mm (by writer)");

    private static JournalSnapshot Snapshot(string account, string kind, string json) => new(account, kind, "writer", At, json);
}
