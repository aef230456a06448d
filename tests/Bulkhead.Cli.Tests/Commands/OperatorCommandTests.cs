using System.Net;
using System.Net.Sockets;
using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Commands;

/// <summary>
/// The real <c>bulkhead halt|resume|restart|kill</c> processes where no supervisor can take them: every way they can
/// fail before anything is done exits 2 and says how to fix it. (Against a running supervisor: the dashboard's E2E tests
/// and the metrics must-show use them.)
/// </summary>
public sealed class OperatorCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bulkhead-cli-operator-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Halt_NoSupervisorServesTheFleet_Exit2_SaysHowToStartOne()
    {
        var manifest = Example();

        var run = await CliProcess.RunAsync(null, "halt", manifest, "mm");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"bulkhead halt: no supervisor serves {manifest} (sandbox): start `bulkhead run {manifest} --port PORT`, or give --url");
    }

    [Fact]
    public async Task Kill_TheRecordedSupervisorIsGone_Exit2_NamesTheAddress()
    {
        var manifest = Example();
        var port = DeadPort();
        await File.WriteAllTextAsync(Path.Combine(_dir, "supervisor-sandbox.json"), $$"""{"url":"http://127.0.0.1:{{port}}/","pid":1,"host":"gone","environment":"sandbox","startedAt":"2026-12-01T00:00:00+00:00"}""", TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync(null, "kill", manifest);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"bulkhead kill: the supervisor at http://127.0.0.1:{port}/ does not answer");
    }

    [Fact]
    public async Task Restart_ABadUrl_Exit2()
    {
        var run = await CliProcess.RunAsync(null, "restart", Example(), "mm-trader", "--url", "ftp://example");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--url ftp://example is not an http(s) address");
    }

    private string Example()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var example = Path.Combine(testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName, "examples", "fleet.toml");
        var path = Path.Combine(_dir, "fleet.toml");
        File.Copy(example, path);
        return path;
    }

    private static int DeadPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
