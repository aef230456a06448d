using System.Text;
using Bulkhead.EndToEnd.Tests.Fleet;
using Bulkhead.EndToEnd.Tests.Harness;
using Bulkhead.Runtime.Worker;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Gateway;

/// <summary>
/// A manifest process with <c>command = ["node", "bot.mjs", …]</c>, run by its worker (in this test's process, as
/// <c>bulkhead worker</c> would): an unmodified ccxt bot configured only by the <c>KRAKEN_*</c> variables trades through
/// the worker's gateway; the real key and secret are nowhere in the bot's environment or arguments; a bot looping on a
/// revoked key is stopped and its process halted (exit 4, never restarted).
/// </summary>
public sealed class ExternalBotTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ExternalBot_TradesThroughItsGateway_RealSecretNowhereInItsEnvironOrCmdline()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), "bulkhead-bot-" + Guid.NewGuid().ToString("N") + ".pid");
        await using var fleet = await GatewayFleet.StartAsync(["node", Path.Combine(NodeClient.Folder, "bot.mjs"), "{mode}", pidFile]);
        var output = new LockedWriter();
        var errors = new LockedWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var worker = WorkerHost.RunAsync(Options(fleet, "ext-bot", output, errors), stop.Token);

        await Polling.UntilAsync(() => errors.Text.Contains("[ext-bot] bot: balance", StringComparison.Ordinal) || worker.IsCompleted, Deadline, "the bot's balance line", () => errors.Text);
        worker.IsCompleted.ShouldBeFalse(errors.Text);
        var pid = int.Parse(await File.ReadAllTextAsync(pidFile, TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        var environ = await File.ReadAllBytesAsync($"/proc/{pid}/environ", TestContext.Current.CancellationToken);
        var cmdline = await File.ReadAllBytesAsync($"/proc/{pid}/cmdline", TestContext.Current.CancellationToken);
        var variables = Encoding.UTF8.GetString(environ).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(v => v[..v.IndexOf('=', StringComparison.Ordinal)], v => v[(v.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
        var real = fleet.Keys["ext-trader"];
        foreach (var (what, bytes) in new[] { ("environ", environ), ("cmdline", cmdline) })
        {
            var text = Encoding.UTF8.GetString(bytes);
            text.ShouldNotContain(real.Secret, customMessage: $"the real secret is in the bot's {what}");
            text.ShouldNotContain(real.Key, customMessage: $"the real API key is in the bot's {what}");
            foreach (var other in fleet.Keys.Values)
            {
                text.ShouldNotContain(other.Secret, customMessage: $"a real secret of the fleet is in the bot's {what}");
            }
        }

        variables.Keys.Where(k => k.StartsWith("KRAKEN_", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .ShouldBe(["KRAKEN_API_KEY", "KRAKEN_API_SECRET", "KRAKEN_API_URL", "KRAKEN_FUTURES_URL"]);
        variables.Keys.ShouldNotContain("EXT_TRADER_SECRET");
        variables.Keys.ShouldAllBe(k => !k.StartsWith("BULKHEAD_", StringComparison.Ordinal));
        variables["KRAKEN_API_URL"].ShouldStartWith("http://127.0.0.1:");
        var balance = errors.Text.Split('\n').First(l => l.Contains("bot: balance", StringComparison.Ordinal));
        balance.ShouldContain("\"USD\":200000");

        await stop.CancelAsync();
        var code = await worker.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        code.ShouldBe(WorkerExitCodes.Stopped, errors.Text);
        errors.Text.ShouldContain("[ext-bot] bot: SIGTERM");
        output.Text.ShouldContain("\"event\":\"gateway\"");
        output.Text.ShouldContain("\"event\":\"bot\"");
        output.Text.ShouldContain("\"relayed\":");
        var stats = await fleet.Sandbox.Admin.KeyStatsAsync(real.Key);
        stats["succeeded"]!.GetValue<long>().ShouldBe(1, stats.ToJsonString());
        File.Delete(pidFile);
    }

    [Fact]
    public async Task ExternalBotOnARevokedKey_IsStopped_ProcessHaltsWithTheAuthExitCode()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), "bulkhead-bot-" + Guid.NewGuid().ToString("N") + ".pid");
        await using var fleet = await GatewayFleet.StartAsync(["node", Path.Combine(NodeClient.Folder, "bot.mjs"), "{mode}", pidFile]);
        await fleet.Sandbox.Admin.RevokeKeyAsync(fleet.Keys["revoked"].Key);
        var output = new LockedWriter();
        var errors = new LockedWriter();

        var code = await WorkerHost.RunAsync(Options(fleet, "ext-revoked", output, errors), TestContext.Current.CancellationToken)
            .WaitAsync(Deadline, TestContext.Current.CancellationToken);

        code.ShouldBe(WorkerExitCodes.HaltedAuth, errors.Text);
        output.Text.ShouldContain("\"event\":\"halted\"");
        output.Text.ShouldContain("halted by its lockout guard");
        errors.Text.ShouldContain("EAPI:Invalid key");
        var stats = await fleet.Sandbox.Admin.KeyStatsAsync(fleet.Keys["revoked"].Key);
        stats["failuresByKind"]!["EAPI:Invalid key"]!.GetValue<long>().ShouldBe(3, stats.ToJsonString());
        stats["lockedUntil"]?.GetValue<string?>().ShouldBeNull();
        var pid = int.Parse(await File.ReadAllTextAsync(pidFile, TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        Directory.Exists($"/proc/{pid}").ShouldBeFalse("the bot was stopped");
        File.Delete(pidFile);
    }

    private static WorkerOptions Options(GatewayFleet fleet, string process, TextWriter output, TextWriter errors) => new()
    {
        ManifestPath = fleet.ManifestPath,
        ProcessName = process,
        Time = TimeProvider.System,
        // The worker sees the fleet's secrets and the machine's variables, as under `bulkhead run`.
        GetVariable = name => fleet.GetVariable(name) ?? Environment.GetEnvironmentVariable(name),
        Out = output,
        Error = errors,
        HeartbeatInterval = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>A text writer several threads write lines to (the worker's status, the bot's forwarded output).</summary>
    private sealed class LockedWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_gate)
            {
                base.WriteLine(value);
            }
        }
    }
}
