using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Faults;
using Bulkhead.Sandbox.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Commands;

/// <summary>The real <c>bulkhead sandbox …</c> process against an in-process sandbox on loopback, and <c>serve</c> as a process.</summary>
public sealed class SandboxCommandTests : IAsyncLifetime
{
    private const string Token = "cli-admin-token";
    private readonly string _home = Path.Combine(Path.GetTempPath(), "bulkhead-cli-sbx-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private string _url = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_home);
        _app = SandboxHost.Build(new SandboxOptions { InMemory = true, AdminToken = Token }, "http://127.0.0.1:0", new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));
        await _app.StartAsync();
        _url = _app.BoundUrls()[0];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }

    [Theory]
    [InlineData("sandbox", "--help")]
    [InlineData("sandbox", "serve", "--help")]
    [InlineData("sandbox", "accounts", "create", "--help")]
    [InlineData("sandbox", "keys", "create", "--help")]
    [InlineData("sandbox", "deposit", "--help")]
    [InlineData("sandbox", "faults", "--help")]
    public async Task Help_SandboxCommands_PrintUsageExitZero(params string[] arguments)
    {
        var run = await CliProcess.RunAsync(Env(), arguments);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("Usage:");
    }

    [Fact]
    public async Task AccountsKeysDeposit_FullProvisioning_WorksAndSecretPrintedOnlyOnCreate()
    {
        (await Admin("accounts", "create", "desk")).ExitCode.ShouldBe(0);
        (await Admin("accounts", "create", "mm", "--master", "desk")).Out.ShouldContain("\"master\": \"desk\"");

        var created = await Admin("keys", "create", "--account", "mm", "--permission", "Query Funds", "--permission", "Modify Orders", "--ip", "127.0.0.1/32", "--nonce-window", "2");
        created.ExitCode.ShouldBe(0, created.Error);
        var key = _app.GetExchange().Keys("mm").Single();
        created.Out.ShouldContain(key.Key);
        var secret = System.Text.Json.JsonDocument.Parse(created.Out).RootElement.GetProperty("secret").GetString()!;
        created.Out.ShouldContain(secret); // printed verbatim, '+' included
        key.NonceWindow.ShouldBe(2);

        var listed = await Admin("keys", "list", "--account", "mm");
        listed.ExitCode.ShouldBe(0);
        listed.Out.ShouldContain("Modify Orders");
        listed.Out.ShouldNotContain(secret);

        (await Admin("deposit", "mm", "ZUSD", "10000.50")).ExitCode.ShouldBe(0);
        (await Admin("deposit", "mm", "USDT", "5", "--wallet", "futures")).ExitCode.ShouldBe(0);
        _app.GetExchange().Balances("mm", Wallet.Spot)["ZUSD"].ShouldBe(10000.50m);
        _app.GetExchange().Balances("mm", Wallet.FuturesFlex)["USDT"].ShouldBe(5m);
        (await Admin("accounts", "list")).Out.ShouldContain("\"ZUSD\": \"10000.50\"");

        (await Admin("keys", "revoke", key.Key)).ExitCode.ShouldBe(0);
        _app.GetExchange().FindKey(key.Key)!.RevokedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Faults_ShowSetOnlyTheGivenFieldsAndRefuseOutOfRange()
    {
        var faults = _app.Services.GetRequiredService<FaultSettings>();

        var shown = await Admin("faults");
        var set = await Admin("faults", "--socket-delay-ms", "250", "--drop-before-ack", "2", "--corrupt-book-checksum", "3", "--drop-sockets");
        var more = await Admin("faults", "--latency-ms", "40", "--unavailable-rate", "0.5");
        var refused = await Admin("faults", "--drop-before-ack", "1001", "--latency-ms", "1");

        shown.ExitCode.ShouldBe(0, shown.Error);
        shown.Out.ShouldContain("\"socketDelayMs\": 0");
        set.ExitCode.ShouldBe(0, set.Error);
        set.Out.ShouldContain("\"dropSockets\": false");
        more.ExitCode.ShouldBe(0, more.Error);
        (faults.SocketDelay, faults.DropBeforeAck, faults.CorruptBookChecksum, faults.Latency, faults.UnavailableRate)
            .ShouldBe((TimeSpan.FromMilliseconds(250), 2, 3, TimeSpan.FromMilliseconds(40), 0.5m));
        refused.ExitCode.ShouldBe(1);
        refused.Error.ShouldContain("'dropBeforeAck' must be a whole number from 0 to 1000");
        (faults.DropBeforeAck, faults.Latency).ShouldBe((2, TimeSpan.FromMilliseconds(40)));
    }

    [Fact]
    public async Task KeysCreate_Futures_MakesFuturesKey()
    {
        await Admin("accounts", "create", "desk");

        var run = await Admin("keys", "create", "--account", "desk", "--futures", "full");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("\"venue\": \"futures\"");
    }

    [Theory]
    [InlineData("deposit", "ghost", "ZUSD", "1")]
    [InlineData("keys", "create", "--account", "ghost", "--permission", "Query Funds")]
    [InlineData("keys", "revoke", "nope")]
    public async Task Refused_ExitsOneWithTheSandboxError(params string[] arguments)
    {
        var run = await Admin(arguments);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("the sandbox refused (404)");
    }

    [Fact]
    public async Task Deposit_UnknownAsset_ExitsOneNamingIt()
    {
        await Admin("accounts", "create", "desk");

        var run = await Admin("deposit", "desk", "DOGE", "1");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("asset 'DOGE' is not known");
    }

    [Fact]
    public async Task NoTokenAnywhere_ExitsTwoSayingWhereToPutIt()
    {
        var run = await CliProcess.RunAsync(Env(), "sandbox", "accounts", "list", "--url", _url);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("BULKHEAD_ADMIN_TOKEN");
    }

    [Fact]
    public async Task TokenFromEnvironmentOrDataFile_Used()
    {
        var fromEnv = await CliProcess.RunAsync(Env(("BULKHEAD_ADMIN_TOKEN", Token)), "sandbox", "accounts", "list", "--url", _url);
        var data = Path.Combine(_home, "sbx");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, "admin.token"), Token + "\n", TestContext.Current.CancellationToken);
        var fromFile = await CliProcess.RunAsync(Env(), "sandbox", "accounts", "list", "--url", _url, "--data", data);
        var wrong = await CliProcess.RunAsync(Env(), "sandbox", "accounts", "list", "--url", _url, "--admin-token", "nope");

        fromEnv.ExitCode.ShouldBe(0, fromEnv.Error);
        fromFile.ExitCode.ShouldBe(0, fromFile.Error);
        wrong.ExitCode.ShouldBe(1);
        wrong.Error.ShouldContain("(401)");
    }

    [Fact]
    public async Task Unreachable_ExitsOne()
    {
        var run = await CliProcess.RunAsync(Env(), "sandbox", "accounts", "list", "--url", "http://127.0.0.1:9", "--admin-token", Token);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("cannot reach the sandbox");
    }

    [Fact]
    public async Task Serve_DataAndInMemory_ExitsTwo()
    {
        var run = await CliProcess.RunAsync(Env(), "sandbox", "serve", "--in-memory", "--data", _home);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--data and --in-memory exclude each other");
    }

    [Fact]
    public async Task Serve_InMemory_PrintsUrlsAndGeneratedTokenStopsGracefullyOnSigterm()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM");
        var port = FreePort();
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = testBin.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Bulkhead.Cli", "bin", testBin.Parent.Name, testBin.Name, "bulkhead.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "sandbox", "serve", "--in-memory", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(CliProcess.Deadline);
        var lines = new List<string>();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith("Press Ctrl-C", StringComparison.Ordinal))
                {
                    break;
                }
            }

            var printed = string.Join('\n', lines);
            printed.ShouldContain($"Spot:    http://127.0.0.1:{port}");
            printed.ShouldContain($"Futures: http://127.0.0.1:{port}");
            printed.ShouldContain($"Admin:   http://127.0.0.1:{port}/admin/");
            var token = lines.Single(l => l.Contains("Admin token (generated", StringComparison.Ordinal)).Split(": ")[^1];
            var list = await CliProcess.RunAsync(Env(), "sandbox", "accounts", "list", "--url", $"http://127.0.0.1:{port}", "--admin-token", token);
            list.ExitCode.ShouldBe(0, list.Error);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(deadline.Token);
            }

            await process.WaitForExitAsync(deadline.Token);
            process.ExitCode.ShouldBe(0);
            (await process.StandardOutput.ReadToEndAsync(deadline.Token)).ShouldContain("Sandbox stopped.");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private Task<CliRun> Admin(params string[] arguments) =>
        CliProcess.RunAsync(Env(), [.. new[] { "sandbox" }.Concat(arguments), "--url", _url, "--admin-token", Token]);

    private Dictionary<string, string?> Env(params (string Name, string? Value)[] extra)
    {
        var environment = new Dictionary<string, string?> { ["BULKHEAD_HOME"] = _home, ["BULKHEAD_ADMIN_TOKEN"] = null };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
