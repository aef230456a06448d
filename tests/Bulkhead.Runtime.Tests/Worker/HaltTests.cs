using System.Security.Cryptography;
using Bulkhead.Fleet.Fills;
using Bulkhead.Runtime.Worker;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Worker;

/// <summary>Halts against a real sandbox over HTTP: a risk breach stops one strategy (exit 5), a wrong secret halts at the guard's limit (exit 4).</summary>
public sealed class HaltTests
{
    [Fact]
    public async Task DrawdownBreach_CancelsTheStrategysOrdersAndExitsRisk_OtherStrategyKeepsTrading()
    {
        // Five cents: the first move of the market against the market maker's inventory breaches its drawdown limit.
        await using var fleet = await RuntimeFleet.StartAsync(text => text.Replace("max_drawdown_usd = \"2000\"", "max_drawdown_usd = \"0.05\"", StringComparison.Ordinal));
        using var mm = new SharedWriter();
        using var mmErrors = new SharedWriter();
        using var momo = new SharedWriter();
        using var stopMomo = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var momoRun = WorkerHost.RunAsync(fleet.Worker("momo-trader", momo), stopMomo.Token);

        var code = await WorkerHost.RunAsync(fleet.Worker("mm-trader", mm, mmErrors), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);

        code.ShouldBe(WorkerExitCodes.HaltedRisk, mmErrors.ToString());
        var halted = StatusLines.Last(mm.ToString(), "halted")!;
        halted["reason"]!.GetValue<string>().ShouldStartWith("risk: drawdown");
        fleet.Exchange.OpenOrders("mm").ShouldBeEmpty("the breach cancels the strategy's orders");
        fleet.Exchange.ClosedOrders("mm").ShouldContain(o => o.Reason != null, "a resting quote was cancelled");
        using (var journal = fleet.OpenJournal())
        {
            journal.Orders("mm").ShouldNotContain(o => o.State == JournalOrderState.Open || o.State == JournalOrderState.Sent);
        }

        momoRun.IsCompleted.ShouldBeFalse("a breach stops the strategy, never the fleet");
        await stopMomo.CancelAsync();
        (await momoRun.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)).ShouldBe(WorkerExitCodes.Stopped);
    }

    [Fact]
    public async Task WrongSecret_HaltsAfterTheGuardsThreeFailures_SandboxNeverLocksTheKeyOut()
    {
        await using var fleet = await RuntimeFleet.StartAsync(market: false);
        var apiKey = fleet.ApiKey("mm-trader");
        fleet.Variables["BAD_KEY"] = apiKey;
        fleet.Variables["BAD_SECRET"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        await fleet.EditManifestAsync(text => text.Replace("secret = \"store:mm-trader\"", "secret = \"env:BAD\"", StringComparison.Ordinal));
        using var output = new SharedWriter();
        using var errors = new SharedWriter();

        var code = await WorkerHost.RunAsync(fleet.Worker("mm-trader", output, errors), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        code.ShouldBe(WorkerExitCodes.HaltedAuth, errors.ToString());
        var reason = StatusLines.Last(output.ToString(), "halted")!["reason"]!.GetValue<string>();
        reason.ShouldStartWith("auth: ");
        reason.ShouldContain("3 authentication failures");
        var stats = await fleet.KeyStatsAsync("mm-trader");
        var failures = stats["failuresByKind"]!.AsObject().Sum(kind => kind.Value!.GetValue<long>());
        failures.ShouldBe(3, stats.ToJsonString());
        stats["lockedUntil"]?.GetValue<string?>().ShouldBeNull(stats.ToJsonString());
        (output.ToString() + errors).ShouldNotContain(fleet.Variables["BAD_SECRET"]!);
    }
}
