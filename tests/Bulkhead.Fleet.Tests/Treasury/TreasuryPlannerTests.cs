using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Treasury;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Treasury;

/// <summary>Plans over examples/fleet.toml (master desk; spot mm, momo; futures hedge).</summary>
public sealed class TreasuryPlannerTests
{
    private static readonly FleetManifest Example = ManifestLoader.Load(Manifests.ExamplePath).GetValueOrThrow();
    private static readonly Dictionary<string, decimal> Held = new(StringComparer.Ordinal) { ["ZUSD"] = 1000m, ["XXBT"] = 0.5m };

    [Fact]
    public void Plan_MasterToSpotSubaccount_OneAccountTransfer() =>
        Describe(Plan(TreasuryOperationKind.Transfer, "desk", "mm", "ZUSD", 100m)).ShouldBe(["1. spot-transfer desk → mm 100 ZUSD"]);

    [Fact]
    public void Plan_SubaccountToSubaccount_ThroughTheMaster() =>
        Describe(Plan(TreasuryOperationKind.Transfer, "mm", "momo", "ZUSD", 100m)).ShouldBe(["1. spot-transfer mm → desk 100 ZUSD", "2. spot-transfer desk → momo 100 ZUSD"]);

    [Fact]
    public void Plan_MasterToFuturesSubaccount_WalletTransferThenSubaccountTransfer() =>
        Describe(Plan(TreasuryOperationKind.Transfer, "desk", "hedge", "ZUSD", 100m)).ShouldBe(["1. spot-to-futures desk → desk 100 ZUSD", "2. futures-subaccount-transfer desk → hedge 100 ZUSD"]);

    [Fact]
    public void Plan_WithdrawFromFuturesSubaccount_CollateralToMasterSpotThenWithdrawal() =>
        Describe(Plan(TreasuryOperationKind.Withdraw, "hedge", "bank", "ZUSD", 100m)).ShouldBe(
            ["1. futures-subaccount-transfer hedge → desk 100 ZUSD", "2. futures-to-spot desk → desk 100 ZUSD", "3. withdrawal desk → bank 100 ZUSD"]);

    [Fact]
    public void Plan_WithdrawFromMaster_OneWithdrawal() =>
        Describe(Plan(TreasuryOperationKind.Withdraw, "desk", "bank", "ZUSD", 1000m)).ShouldBe(["1. withdrawal desk → bank 1000 ZUSD"]);

    [Fact]
    public void Plan_SweepWithKeep_MovesTheExcessOnly() =>
        Describe(Plan(TreasuryOperationKind.Sweep, "mm", "desk", "ZUSD", null, keep: 250m)).ShouldBe(["1. spot-transfer mm → desk 750 ZUSD"]);

    [Fact]
    public void Plan_SweepEveryAsset_OneStepPerAssetHeld() =>
        Describe(Plan(TreasuryOperationKind.Sweep, "mm", "desk", null, null)).ShouldBe(["1. spot-transfer mm → desk 0.5 XXBT", "2. spot-transfer mm → desk 1000 ZUSD"]);

    [Fact]
    public void Plan_SweepBelowKeep_NothingToDo() =>
        Plan(TreasuryOperationKind.Sweep, "mm", "desk", "ZUSD", null, keep: 5000m).ShouldBeEmpty();

    [Theory]
    [InlineData(TreasuryOperationKind.Transfer, "nowhere", "mm", "100", "--from 'nowhere' is not an account of fleet.toml: use desk (the master) or a subaccount (mm, momo, hedge)")]
    [InlineData(TreasuryOperationKind.Transfer, "desk", "nowhere", "100", "--to 'nowhere' is not an account")]
    [InlineData(TreasuryOperationKind.Transfer, "mm", "mm", "100", "--from and --to are both 'mm'")]
    [InlineData(TreasuryOperationKind.Transfer, "desk", "mm", "0", "--amount 0 must be more than zero")]
    [InlineData(TreasuryOperationKind.Transfer, "desk", "mm", "-5", "--amount -5 must be more than zero")]
    [InlineData(TreasuryOperationKind.Withdraw, "mm", "bank", "1000.01", "--amount 1000.01 ZUSD is more than mm holds available (1000 ZUSD)")]
    [InlineData(TreasuryOperationKind.Sweep, "desk", "desk", null, "--from 'desk' is the master")]
    public void Plan_BadRequest_NamesTheFix(TreasuryOperationKind kind, string from, string to, string? amount, string message) =>
        Should.Throw<TreasuryPlanException>(() => Plan(kind, from, to, "ZUSD", amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)))
            .Message.ShouldContain(message);

    [Fact]
    public void Plan_AnyTransfer_EveryStepTouchesTheMasterAndTheNetEffectIsExactlyTheAmount()
    {
        string[] accounts = ["desk", "mm", "momo", "hedge"];
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Decimal[0.0001m, 1000m]).Where(t => t.Item1 != t.Item2).Sample((f, t, raw) =>
        {
            var amount = decimal.Round(raw, 4);
            var steps = Plan(TreasuryOperationKind.Transfer, accounts[f], accounts[t], "ZUSD", amount);
            steps.ShouldAllBe(s => s.From == "desk" || s.To == "desk");
            var net = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var s in steps)
            {
                net[s.From] = net.GetValueOrDefault(s.From) - s.Amount;
                net[s.To] = net.GetValueOrDefault(s.To) + s.Amount;
            }

            net.GetValueOrDefault(accounts[f]).ShouldBe(-amount);
            net.GetValueOrDefault(accounts[t]).ShouldBe(amount);
            net.Where(n => n.Key != accounts[f] && n.Key != accounts[t]).ShouldAllBe(n => n.Value == 0m);
        });
    }

    [Fact]
    public void Request_Canonical_RoundTrips()
    {
        var request = new TreasuryRequest(TreasuryOperationKind.Sweep, "sandbox", "mm", "desk", "ZUSD", null, 12.5m);

        TreasuryRequest.Parse(request.Canonical).ShouldBe(request);
    }

    private static List<string> Describe(IEnumerable<TreasuryStep> steps) => [.. steps.Select(s => s.Describe())];

    private static System.Collections.Immutable.ImmutableArray<TreasuryStep> Plan(TreasuryOperationKind kind, string from, string to, string? asset, decimal? amount, decimal? keep = null) =>
        TreasuryPlanner.Plan(Example, new TreasuryRequest(kind, "sandbox", from, to, asset, amount, keep), kind == TreasuryOperationKind.Transfer ? new Dictionary<string, decimal> { ["ZUSD"] = 1_000_000m } : Held);
}
