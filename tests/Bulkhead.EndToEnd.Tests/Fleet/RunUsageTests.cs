using Bulkhead.Cli.Tests;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Fleet;

/// <summary>Bad input to <c>bulkhead run</c> and <c>bulkhead demo</c>: exit 2 and a message naming what to fix; nothing started.</summary>
public sealed class RunUsageTests
{
    [Fact]
    public async Task Run_ProcessNotLongRunning_Exit2NamingTheOnesItRuns()
    {
        var folder = Directory.CreateTempSubdirectory("bulkhead-run-usage-").FullName;
        try
        {
            var manifest = Path.Combine(folder, "fleet.toml");
            File.Copy(Path.Combine(Root(), "examples", "fleet.toml"), manifest);
            var run = await CliProcess.RunAsync(null, "run", manifest, "--only", "treasury");
            run.ExitCode.ShouldBe(2);
            run.Error.ShouldContain("--only treasury: process 'treasury' has role treasury, which the supervisor does not run (only trader and dashboard)");

            var unknown = await CliProcess.RunAsync(null, "run", manifest, "--only", "nobody");
            unknown.ExitCode.ShouldBe(2);
            unknown.Error.ShouldContain("long-running ones: mm-trader, momo-trader, hedge-trader, dashboard");

            var env = await CliProcess.RunAsync(null, "run", manifest, "--env", "moon");
            env.ExitCode.ShouldBe(2);
            env.Error.ShouldContain("no environment \"moon\"");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_HostNotDeclared_Exit2NamingTheManifestsHosts()
    {
        var folder = Directory.CreateTempSubdirectory("bulkhead-run-usage-").FullName;
        try
        {
            var manifest = Path.Combine(folder, "fleet.toml");
            File.Copy(Path.Combine(Root(), "examples", "fleet.toml"), manifest);
            var none = await CliProcess.RunAsync(null, "run", manifest, "--host", "trade-1");
            none.ExitCode.ShouldBe(2);
            none.Error.ShouldContain("--host trade-1: the manifest declares no [hosts.NAME] tables");

            var text = await File.ReadAllTextAsync(manifest, TestContext.Current.CancellationToken);
            text = text.Replace("hosts = [\"127.0.0.1\"]", "hosts = [\"trade-1\", \"trade-2\"]", StringComparison.Ordinal)
                + "\n[hosts.trade-1]\naddresses = [\"127.0.0.1\"]\n\n[hosts.trade-2]\naddresses = [\"127.0.0.1\"]\n";
            await File.WriteAllTextAsync(manifest, text, TestContext.Current.CancellationToken);
            var unknown = await CliProcess.RunAsync(null, "run", manifest, "--host", "trade-3");
            unknown.ExitCode.ShouldBe(2, unknown.Error);
            unknown.Error.ShouldContain("--host trade-3: not a host of the manifest; its hosts: trade-1, trade-2");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_MissingManifest_Exit2()
    {
        var run = await CliProcess.RunAsync(null, "run", Path.Combine(Path.GetTempPath(), "no-such-fleet.toml"));
        run.ExitCode.ShouldBe(2);
        run.Error.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("--duration", "soon", "--duration soon is not a duration: write e.g. 60s, 5m or 1h")]
    [InlineData("--port", "70000", "--port 70000 must be between 0 and 65535")]
    public async Task Demo_BadOption_Exit2BeforeStartingAnything(string option, string value, string message)
    {
        var home = Directory.CreateTempSubdirectory("bulkhead-demo-usage-").FullName;
        try
        {
            var demo = await CliProcess.RunAsync(new Dictionary<string, string?> { ["BULKHEAD_HOME"] = home }, "demo", option, value);
            demo.ExitCode.ShouldBe(2);
            demo.Error.ShouldContain(message);
            Directory.Exists(Path.Combine(home, "demo")).ShouldBeFalse("nothing was created");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Bulkhead.slnx")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }
}
