using Bulkhead.Cli.Tests.Fleet;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Treasury;

/// <summary>
/// <c>bulkhead treasury</c> as a real process against a real sandbox provisioned from examples/fleet.toml: every movement
/// moves exactly the amount, the ledger conserves (users' balances = net external flows, per asset), and a SIGKILL at
/// either dangerous instant followed by a rerun moves the money exactly once.
/// </summary>
public sealed class TreasuryCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private ProvisionedFleet _fleet = null!;

    /// <summary>Which pause hook a test arms.</summary>
    private enum Pause
    {
        AfterStep,
        AfterCall,
    }

    private SandboxExchange Exchange => _fleet.App.GetExchange();

    public async ValueTask InitializeAsync()
    {
        _fleet = await ProvisionedFleet.StartAsync();
        var provision = await CliProcess.RunAsync(_fleet.Environment(), "sandbox", "provision", _fleet.Manifest);
        provision.ExitCode.ShouldBe(0, provision.Error);
    }

    public async ValueTask DisposeAsync() => await _fleet.DisposeAsync();

    [Fact]
    public async Task Transfer_MasterToSpotSubaccount_MovesExactlyTheAmount()
    {
        var run = await Treasury("transfer", _fleet.Manifest, "--from", "desk", "--to", "mm", "--asset", "ZUSD", "--amount", "1234.5", "--yes");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("1. spot-transfer desk → mm 1234.5 ZUSD");
        Spot("desk").ShouldBe(100000m - 1234.5m);
        Spot("mm").ShouldBe(50000m + 1234.5m);
        Conserves();
    }

    [Fact]
    public async Task Transfer_SubaccountToSubaccount_GoesThroughTheMaster()
    {
        var run = await Treasury("transfer", _fleet.Manifest, "--from", "mm", "--to", "momo", "--asset", "ZUSD", "--amount", "300", "--yes");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("1. spot-transfer mm → desk 300 ZUSD");
        run.Out.ShouldContain("2. spot-transfer desk → momo 300 ZUSD");
        (Spot("desk"), Spot("mm"), Spot("momo")).ShouldBe((100000m, 49700m, 40300m));
        Conserves();
    }

    [Fact]
    public async Task Sweep_SpotSubaccountAboveKeep_MovesTheExcessToTheMaster()
    {
        var run = await Treasury("sweep", _fleet.Manifest, "--from", "mm", "--asset", "ZUSD", "--keep", "45000", "--yes");

        run.ExitCode.ShouldBe(0, run.Error);
        (Spot("desk"), Spot("mm")).ShouldBe((105000m, 45000m));
        Exchange.Balances("mm", Wallet.Spot)["XXBT"].ShouldBe(0.5m, "only --asset is swept");
        Conserves();
    }

    [Fact]
    public async Task Sweep_FuturesSubaccount_CollateralReachesTheMastersSpotWallet()
    {
        var run = await Treasury("sweep", _fleet.Manifest, "--from", "hedge", "--asset", "ZUSD", "--keep", "29000", "--yes");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("1. futures-subaccount-transfer hedge → desk 1000 ZUSD");
        run.Out.ShouldContain("2. futures-to-spot desk → desk 1000 ZUSD");
        Exchange.Balances("hedge", Wallet.FuturesFlex)["ZUSD"].ShouldBe(29000m);
        Spot("desk").ShouldBe(101000m);
        Exchange.Balances("desk", Wallet.FuturesCash).GetValueOrDefault("ZUSD").ShouldBe(0m);
        Conserves();
    }

    [Fact]
    public async Task Withdraw_FromSubaccount_SweepsThenWithdrawsOnce()
    {
        var run = await Treasury("withdraw", _fleet.Manifest, "--from", "momo", "--asset", "ZUSD", "--amount", "700", "--key", "bank", "--yes");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("1. spot-transfer momo → desk 700 ZUSD");
        run.Out.ShouldContain("2. withdrawal desk → bank 700 ZUSD");
        (Spot("desk"), Spot("momo")).ShouldBe((100000m, 39300m));
        Withdrawals().ShouldBe([-700m]);
        Conserves();
    }

    [Fact]
    public async Task Withdraw_WithoutYes_PrintsThePlanAndMovesNothing()
    {
        var run = await Treasury("withdraw", _fleet.Manifest, "--from", "momo", "--asset", "ZUSD", "--amount", "700", "--key", "bank");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("2. withdrawal desk → bank 700 ZUSD");
        run.Out.ShouldContain("nothing done; rerun with --yes");
        (Spot("desk"), Spot("momo")).ShouldBe((100000m, 40000m));
        (await Treasury("journal", _fleet.Manifest)).Out.ShouldContain("no treasury operations journaled");
    }

    [Theory]
    [InlineData("nowhere", "700", "--from 'nowhere' is not an account")]
    [InlineData("momo", "0", "--amount \"0\" must be a plain decimal more than zero")]
    [InlineData("momo", "40000.01", "more than momo holds available (40000")]
    public async Task Withdraw_BadRequest_ExitTwoNamingTheFix(string from, string amount, string message)
    {
        var run = await Treasury("withdraw", _fleet.Manifest, "--from", from, "--asset", "ZUSD", "--amount", amount, "--key", "bank", "--yes");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(message);
        Withdrawals().ShouldBeEmpty();
    }

    [Fact]
    public async Task Withdraw_KilledBetweenSweepAndWithdrawal_RerunMovesTheMoneyExactlyOnce()
    {
        string[] command = ["withdraw", _fleet.Manifest, "--from", "mm", "--asset", "ZUSD", "--amount", "2500", "--key", "bank", "--yes"];
        await KillWhenPausedAsync(Pause.AfterStep, 1, command);
        (Spot("desk"), Spot("mm")).ShouldBe((102500m, 47500m), "the sweep was done before the kill");
        Withdrawals().ShouldBeEmpty();

        var rerun = await Treasury(command);

        rerun.ExitCode.ShouldBe(0, rerun.Error);
        rerun.Out.ShouldContain("is unfinished: continuing it");
        (Spot("desk"), Spot("mm")).ShouldBe((100000m, 47500m), "mm down by the amount once");
        Withdrawals().ShouldBe([-2500m]);
        Conserves();
        (await Treasury("resume", _fleet.Manifest)).Out.ShouldContain("nothing to resume");
    }

    [Fact]
    public async Task Withdraw_KilledAfterTheCallBeforeDone_ResumeRecognisesItAndDoesNotRepeat()
    {
        string[] command = ["withdraw", _fleet.Manifest, "--from", "mm", "--asset", "ZUSD", "--amount", "2500", "--key", "bank", "--yes"];
        await KillWhenPausedAsync(Pause.AfterCall, 2, command);
        Withdrawals().ShouldBe([-2500m], "the withdrawal reached the exchange before the kill");
        (await Treasury("journal", _fleet.Manifest)).Out.ShouldContain("2. withdrawal desk → bank 2500 ZUSD  pending");

        var resume = await Treasury("resume", _fleet.Manifest);

        resume.ExitCode.ShouldBe(0, resume.Error);
        resume.Out.ShouldContain("found on the exchange");
        (Spot("desk"), Spot("mm")).ShouldBe((100000m, 47500m));
        Withdrawals().ShouldBe([-2500m], "never twice");
        Conserves();
        var journal = await Treasury("journal", _fleet.Manifest);
        journal.Out.ShouldContain("(recognised on rerun)");
        journal.Out.ShouldNotContain("pending");
    }

    [Fact]
    public async Task Transfer_KilledAfterTheCall_SameCommandAgainRecognisesItAndDoesNotRepeat()
    {
        string[] command = ["transfer", _fleet.Manifest, "--from", "desk", "--to", "momo", "--asset", "ZUSD", "--amount", "10", "--yes"];
        await KillWhenPausedAsync(Pause.AfterCall, 1, command);

        var rerun = await Treasury(command);

        rerun.ExitCode.ShouldBe(0, rerun.Error);
        rerun.Out.ShouldContain("found on the exchange");
        (Spot("desk"), Spot("momo")).ShouldBe((99990m, 40010m));
        Conserves();
    }

    private async Task KillWhenPausedAsync(Pause pause, int step, string[] command)
    {
        var variable = pause == Pause.AfterStep ? "BULKHEAD_TREASURY_PAUSE_AFTER_STEP" : "BULKHEAD_TREASURY_PAUSE_AFTER_CALL";
        using var child = CliChild.Start(_fleet.Environment((variable, step.ToString(System.Globalization.CultureInfo.InvariantCulture))), ["treasury", .. command]);
        var started = TimeProvider.System.GetTimestamp();
        while (!child.Out.Contains($"treasury: paused after step {step}", StringComparison.Ordinal))
        {
            if (child.HasExited || TimeProvider.System.GetElapsedTime(started) > Deadline)
            {
                throw new TimeoutException($"treasury never paused (exited: {child.HasExited}); out: {child.Out}; err: {child.Error}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        child.KillHard();
        await child.WaitForExitAsync(Deadline);
    }

    private Task<CliRun> Treasury(params string[] arguments) => CliProcess.RunAsync(_fleet.Environment(), ["treasury", .. arguments]);

    private decimal Spot(string account) => Exchange.Balances(account, Wallet.Spot).GetValueOrDefault("ZUSD");

    private List<decimal> Withdrawals() =>
        [.. Exchange.Ledger("desk", new LedgerQuery(Wallet.Spot, ["ZUSD"], LedgerEntryType.Withdrawal, Limit: 1000)).Select(e => e.Amount)];

    private void Conserves()
    {
        var users = Exchange.TotalsByAsset();
        var external = Exchange.NetExternalFlows();
        foreach (var asset in users.Keys.Union(external.Keys))
        {
            users.GetValueOrDefault(asset).ShouldBe(external.GetValueOrDefault(asset), $"asset {asset} does not conserve");
        }
    }
}
