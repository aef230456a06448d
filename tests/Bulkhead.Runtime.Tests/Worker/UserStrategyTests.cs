using Bulkhead.Runtime.Worker;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Worker;

/// <summary>
/// Strategies from a user's own assembly (<c>strategy = { assembly, type }</c>) against a real sandbox over HTTP: the
/// example desk strategy, built only against the packed SDK (examples/strategies/build.sh, run by test.sh), trades; a
/// strategy that throws in a loop or hangs is halted (exit 6) with the cause shown and its orders cancelled while a
/// sibling worker keeps trading; an assembly or type that cannot be loaded is a configuration halt naming it.
/// </summary>
public sealed class UserStrategyTests
{
    private const string MmKind = "kind = \"spot-market-maker\"";

    [Fact]
    public async Task ExampleDeskStrategy_BuiltAgainstThePackedSdk_Trades()
    {
        var assembly = Path.Combine(Root(), "artifacts", "strategies", "Desk.Strategies.dll");
        File.Exists(assembly).ShouldBeTrue($"{assembly} is built by examples/strategies/build.sh (test.sh runs it before the tests)");
        await using var fleet = await RuntimeFleet.StartAsync(text => Own(text, assembly, "Desk.Strategies.TouchTwap", "params = { target = \"0.03\", slice_size = \"0.01\", slice_seconds = \"2\" }"));
        using var output = new SharedWriter();
        using var errors = new SharedWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = WorkerHost.RunAsync(fleet.Worker("mm-trader", output, errors), stop.Token);

        var deadline = TimeProvider.System.GetTimestamp();
        while (fleet.Exchange.Trades("mm").Count == 0 && !run.IsCompleted && TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        run.IsCompleted.ShouldBeFalse(errors.ToString());
        fleet.Exchange.Trades("mm").ShouldNotBeEmpty($"the desk's strategy filled a slice\n{errors}");
        errors.ToString().ShouldContain("mm: working XBTUSD towards 0.03 in slices of 0.01");
        await stop.CancelAsync();
        (await run.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)).ShouldBe(WorkerExitCodes.Stopped, errors.ToString());
    }

    [Fact]
    public async Task ThrowingInALoop_HaltedWithItsException_OrdersCancelled_SiblingKeepsTrading()
    {
        await using var fleet = await RuntimeFleet.StartAsync(text => Own(text, TestStrategies(), "Bulkhead.TestStrategies.ThrowingStrategy", "params = { strategy_error_limit = \"3\" }"));
        using var mm = new SharedWriter();
        using var mmErrors = new SharedWriter();
        using var momo = new SharedWriter();
        using var stopMomo = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var momoRun = WorkerHost.RunAsync(fleet.Worker("momo-trader", momo), stopMomo.Token);

        var code = await WorkerHost.RunAsync(fleet.Worker("mm-trader", mm, mmErrors), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);

        code.ShouldBe(WorkerExitCodes.HaltedStrategy, mmErrors.ToString());
        var reason = StatusLines.Last(mm.ToString(), "halted")!["reason"]!.GetValue<string>();
        reason.ShouldBe("strategy 'mm' threw 3 times in a row in OnMarketAsync: System.InvalidOperationException: the desk's model has no price for XBTUSD");
        mmErrors.ToString().ShouldContain("(1 in a row; halted at 3)");
        fleet.Exchange.OpenOrders("mm").ShouldBeEmpty();
        momoRun.IsCompleted.ShouldBeFalse("a faulty strategy stops its own worker, never a sibling");
        await stopMomo.CancelAsync();
        (await momoRun.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)).ShouldBe(WorkerExitCodes.Stopped);
    }

    [Fact]
    public async Task Hanging_HaltedAfterItsTimeout()
    {
        await using var fleet = await RuntimeFleet.StartAsync(text => Own(text, TestStrategies(), "Bulkhead.TestStrategies.HangingStrategy", "params = { strategy_timeout_seconds = \"2\" }"), market: false);
        using var output = new SharedWriter();
        using var errors = new SharedWriter();

        var code = await WorkerHost.RunAsync(fleet.Worker("mm-trader", output, errors), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);

        code.ShouldBe(WorkerExitCodes.HaltedStrategy, errors.ToString());
        StatusLines.Last(output.ToString(), "halted")!["reason"]!.GetValue<string>().ShouldBe("strategy 'mm' hung: OnTimerAsync did not return within 2 s (strategy_timeout_seconds)");
    }

    [Theory]
    [InlineData("Bulkhead.TestStrategies.NotAStrategy", "Bulkhead.TestStrategies.NotAStrategy must be a non-abstract class implementing Bulkhead.Runtime.Sdk.IStrategy")]
    [InlineData("Bulkhead.TestStrategies.Missing", "has no type Bulkhead.TestStrategies.Missing")]
    public async Task UnloadableType_IsAConfigurationHaltNamingIt(string type, string message)
    {
        await using var fleet = await RuntimeFleet.StartAsync(text => Own(text, TestStrategies(), type, string.Empty), market: false);
        using var output = new SharedWriter();
        using var errors = new SharedWriter();

        var code = await WorkerHost.RunAsync(fleet.Worker("mm-trader", output, errors), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        code.ShouldBe(WorkerExitCodes.Configuration);
        (output.ToString() + errors).ShouldContain(message);
    }

    [Fact]
    public async Task MissingAssembly_IsAConfigurationHaltSayingToBuildIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N"), "Desk.dll");
        await using var fleet = await RuntimeFleet.StartAsync(text => Own(text, missing, "Desk.Strategies.TouchTwap", string.Empty), market: false);
        using var output = new SharedWriter();
        using var errors = new SharedWriter();

        var code = await WorkerHost.RunAsync(fleet.Worker("mm-trader", output, errors), TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        code.ShouldBe(WorkerExitCodes.Configuration);
        (output.ToString() + errors).ShouldContain($"strategy 'mm': its assembly {missing} does not exist");
    }

    /// <summary>The example's mm strategy replaced by <paramref name="type"/> from <paramref name="assembly"/>.</summary>
    private static string Own(string text, string assembly, string type, string parameters)
    {
        var table = "[strategies.mm]\naccount = \"mm\"\n" + MmKind + "\npairs = [\"XBTUSD\"]\n";
        text.ShouldContain(table);
        var start = text.IndexOf(table, StringComparison.Ordinal);
        var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        return text[..start] + $"[strategies.mm]\naccount = \"mm\"\nstrategy = {{ assembly = \"{assembly.Replace("\\", "\\\\", StringComparison.Ordinal)}\", type = \"{type}\" }}\npairs = [\"XBTUSD\"]\n{parameters}" + text[end..];
    }

    private static string TestStrategies()
    {
        var path = Path.Combine(Root(), "tests", "Bulkhead.TestStrategies", "bin", "Release", "net10.0", "Bulkhead.TestStrategies.dll");
        File.Exists(path).ShouldBeTrue($"{path} is built with the solution (Release)");
        return path;
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bulkhead.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("no Bulkhead.slnx above " + AppContext.BaseDirectory);
    }
}
