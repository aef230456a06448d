using Bulkhead.Kraken.Limits;
using Npgsql;
using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Fleet;

/// <summary>
/// The lockout guard outlives its process: repeated one-shot <c>bulkhead api --fleet</c> runs with a wrong secret halt the
/// key after the guard's limit (three failures across three processes), later runs are refused locally without reaching
/// the sandbox, the sandbox never locks the key out, and only <c>bulkhead keys clear-halt</c> lets calls through again.
/// </summary>
public abstract class GuardPersistenceTests
{
    /// <summary>A valid base64 secret that is not the key's.</summary>
    private const string WrongSecret = "d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldC13cm9uZy1zZWNyZXQtd3Jvbmc=";

    protected abstract string Coordination();

    [Fact]
    public async Task WrongSecret_HaltsAcrossProcesses_UntilAnOperatorClearsIt()
    {
        await using var sandbox = await FleetSandbox.StartAsync(SpotTier.Pro, keys: 1, Coordination());
        var wrong = new Dictionary<string, string?>(sandbox.Environment) { ["K1_SECRET"] = WrongSecret };
        string[] balance = ["api", "spot", "Balance", "--fleet", sandbox.ManifestPath, "--process", "p1"];

        for (var run = 1; run <= 3; run++)
        {
            var failed = await CliProcess.RunAsync(wrong, balance);
            failed.ExitCode.ShouldBe(1, failed.Error);
            failed.Error.ShouldContain("EAPI:Invalid", customMessage: $"run {run} reaches the sandbox");
        }

        for (var run = 4; run <= 5; run++)
        {
            var refused = await CliProcess.RunAsync(wrong, balance);
            refused.ExitCode.ShouldNotBe(0);
            refused.Error.ShouldContain("halted after 3 authentication failures", customMessage: $"run {run} is refused locally: {refused.Error}");
        }

        var stats = await sandbox.StatsAsync("k1");
        FleetSandbox.Failures(stats, "EAPI:Invalid signature").ShouldBe(3, stats.ToJsonString());
        stats["lockedUntil"]?.GetValue<string?>().ShouldBeNull("the sandbox never locked the key out");

        var halts = await CliProcess.RunAsync(sandbox.Environment, "keys", "halts", sandbox.ManifestPath);
        halts.ExitCode.ShouldBe(1, halts.Error);
        halts.Out.ShouldContain("k1: HALTED until cleared: key ");

        // A correct secret does not lift the halt by itself: the operator clears it after fixing the cause.
        (await CliProcess.RunAsync(sandbox.Environment, balance)).Error.ShouldContain("halted after 3 authentication failures");
        var clear = await CliProcess.RunAsync(sandbox.Environment, "keys", "clear-halt", sandbox.ManifestPath, "k1", "--by", "alice");
        clear.ExitCode.ShouldBe(0, clear.Error);
        clear.Out.ShouldStartWith("k1: halt cleared by alice (it was: key ");

        var fixedRun = await CliProcess.RunAsync(sandbox.Environment, balance);
        fixedRun.ExitCode.ShouldBe(0, fixedRun.Error);
        var after = await CliProcess.RunAsync(sandbox.Environment, "keys", "halts", sandbox.ManifestPath);
        after.ExitCode.ShouldBe(0, after.Error);
        after.Out.ShouldContain("k1: ok (recent auth failures 0; last cleared ");
        after.Out.ShouldContain(" by alice)");
    }

    [Fact]
    public async Task ClearHalt_UnknownKey_IsAUsageErrorNamingTheKeys()
    {
        await using var sandbox = await FleetSandbox.StartAsync(SpotTier.Pro, keys: 2, Coordination());
        var run = await CliProcess.RunAsync(sandbox.Environment, "keys", "clear-halt", sandbox.ManifestPath, "nope");
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("the manifest has no key 'nope' in environment 'sandbox' (keys: k1, k2)");
    }
}

/// <summary>The guard suite on SQLite.</summary>
[Collection(nameof(FleetProcessTests))]
public sealed class SqliteGuardPersistenceTests : GuardPersistenceTests
{
    protected override string Coordination() => "sqlite:fleet.db";
}

/// <summary>The guard suite on PostgreSQL (a fresh schema per test).</summary>
[Collection(nameof(FleetProcessTests))]
public sealed class PostgresGuardPersistenceTests : GuardPersistenceTests, IDisposable
{
    private readonly string _schema = "guard_" + Guid.NewGuid().ToString("N")[..20];
    private bool _used;

    protected override string Coordination()
    {
        _used = true;
        return "postgres:" + new NpgsqlConnectionStringBuilder(PostgresFleetProcessTests.ConnectionString()) { SearchPath = _schema }.ConnectionString;
    }

    public void Dispose()
    {
        if (!_used)
        {
            return;
        }

        using var connection = new NpgsqlConnection(PostgresFleetProcessTests.ConnectionString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP SCHEMA IF EXISTS \"{_schema}\" CASCADE";
        command.ExecuteNonQuery();
    }
}
