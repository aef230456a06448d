using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Commands;

/// <summary>The real <c>bulkhead audit</c> and <c>bulkhead plan</c> processes over manifests on disk.</summary>
public sealed class FleetCommandTests : IDisposable
{
    private const string AsOf = "2026-11-26";
    private readonly string _dir = Directory.CreateTempSubdirectory("bulkhead-cli-fleet-").FullName;

    private static string Example
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName, "examples", "fleet.toml");
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "fleet.toml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Audit_Example_ExitsZero()
    {
        var run = await CliProcess.RunAsync(null, "audit", Example, "--as-of", AsOf, "--env", "sandbox");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("clean");
    }

    [Fact]
    public async Task Audit_Findings_ExitsOneWithTableAndJson()
    {
        var text = File.ReadAllText(Example).Replace("[\"Query Funds\", \"Query Open Orders & Trades\"]", "[\"Query Funds\", \"Query Open Orders & Trades\", \"Withdraw Funds\"]", StringComparison.Ordinal);
        var path = Write(text);

        var table = await CliProcess.RunAsync(null, "audit", path, "--as-of", AsOf);
        var json = await CliProcess.RunAsync(null, "audit", path, "--as-of", AsOf, "--json");

        table.ExitCode.ShouldBe(1, table.Error);
        table.Out.ShouldContain("withdrawal-outside-treasury");
        table.Out.ShouldContain("2 error(s), 0 warning(s), 0 info.");
        json.ExitCode.ShouldBe(1, json.Error);
        json.Out.ShouldContain("\"code\": \"excess-permissions\"");
        json.Out.ShouldContain("\"severity\": \"error\"");
        json.Out.ShouldContain("\"clean\": false");
    }

    [Fact]
    public async Task Audit_InvalidManifest_ExitsTwoWithEveryProblem()
    {
        var text = File.ReadAllText(Example)
            .Replace("separate_capital = true\nrisk = { max_position = \"0.5\"", "separate_capitol = true\nrisk = { max_position = \"0.5\"", StringComparison.Ordinal)
            .Replace("key = \"dashboard\"", "key = \"dashbord\"", StringComparison.Ordinal);
        var path = Write(text);
        var line = Array.FindIndex(text.Split('\n'), l => l.StartsWith("separate_capitol", StringComparison.Ordinal)) + 1;

        var run = await CliProcess.RunAsync(null, "audit", path);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{path}:{line}:1: error: unknown key \"separate_capitol\" in [subaccounts.mm] — fix: did you mean \"separate_capital\"?");
        run.Error.ShouldContain("error: process \"dashboard\" uses unknown key \"dashbord\" — fix: did you mean \"dashboard\"?");
        run.Error.ShouldContain("2 problem(s)");
    }

    [Fact]
    public async Task Audit_InvalidToml_ExitsTwo()
    {
        var run = await CliProcess.RunAsync(null, "audit", Write("[fleet\nname = 1\n"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("fleet.toml:1:");
        run.Error.ShouldContain("invalid TOML");
    }

    [Fact]
    public async Task Plan_Example_PrintsTheChecklist()
    {
        var text = await CliProcess.RunAsync(null, "plan", Example, "--env", "production");
        var json = await CliProcess.RunAsync(null, "plan", Example, "--json");

        text.ExitCode.ShouldBe(0, text.Error);
        text.Out.ShouldContain("CreateSubaccount");
        text.Out.ShouldContain("tick:    Query Funds; Query Open Orders & Trades\n");
        json.ExitCode.ShouldBe(0, json.Error);
        json.Out.ShouldContain("\"kind\": \"key\"");
        text.Out.ShouldContain("  spot-rest              key mm-trader (account mm): 20 (decays 0.5/s; the fleet books 19 of it) → EAPI:Rate limit exceeded\n");
        var budgets = System.Text.Json.JsonDocument.Parse(json.Out).RootElement.GetProperty("budgets");
        budgets.EnumerateArray().Count(b => b.GetProperty("kind").GetString() == "spot-rest").ShouldBe(11); // with the derivatives trader's and flattener's Kraken API keys
        budgets.EnumerateArray().Single(b => b.GetProperty("kind").GetString() == "spot-trading" && b.GetProperty("account").GetString() == "mm")
            .GetProperty("keys").EnumerateArray().Select(k => k.GetString()).ShouldBe(["mm-trader", "mm-flattener"]);
    }
}
