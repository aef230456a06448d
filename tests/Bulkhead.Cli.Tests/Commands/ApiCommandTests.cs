using System.Security.Cryptography;
using Bulkhead.Kraken.Nonces;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Commands;

public sealed class ApiCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "bulkhead-cli-" + Guid.NewGuid().ToString("N"));
    private readonly string _secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("api", "--help")]
    [InlineData("api", "spot", "--help")]
    [InlineData("api", "futures", "--help")]
    public async Task Help_EveryCommand_PrintsUsageAndExitsZero(params string[] arguments)
    {
        var run = await CliProcess.RunAsync(null, arguments);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("Usage:");
    }

    [Fact]
    public async Task Spot_ParameterWithoutEquals_ExitsTwoBeforeSending()
    {
        var run = await CliProcess.RunAsync(null, "api", "spot", "Ticker", "XBTUSD", "--url", "http://127.0.0.1:9");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("'XBTUSD' is not a parameter: write name=value");
    }

    [Fact]
    public async Task Spot_NonceParameter_IsRefused()
    {
        var run = await CliProcess.RunAsync(Env(), "api", "spot", "Balance", "nonce=5", "--url", "http://127.0.0.1:9", "--data", _data);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("do not pass nonce");
    }

    [Fact]
    public async Task Spot_PrivateWithoutCredentials_ExitsTwoNamingTheVariables()
    {
        var run = await CliProcess.RunAsync(null, "api", "spot", "Balance", "--url", "http://127.0.0.1:9", "--data", _data);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("KRAKEN_API_KEY");
        run.Error.ShouldContain("KRAKEN_API_SECRET");
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("c2hvcnQ=")]
    public async Task Spot_MalformedSecret_ExitsTwoWithoutPrintingIt(string secret)
    {
        var run = await CliProcess.RunAsync(Env(secret: secret), "api", "spot", "Balance", "--url", "http://127.0.0.1:9", "--data", _data);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("API secret");
        (run.Out + run.Error).ShouldNotContain(secret);
    }

    [Fact]
    public async Task Spot_ServerUnreachable_ExitsOneWithTypedError()
    {
        var run = await CliProcess.RunAsync(Env(), "api", "spot", "Balance", "--url", "http://127.0.0.1:9", "--data", _data, "--timeout", "2");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldStartWith("Bulkhead:Connection failed");
        (run.Out + run.Error).ShouldNotContain(_secret);
    }

    [Fact]
    public async Task Spot_BadUrl_ExitsTwo()
    {
        var run = await CliProcess.RunAsync(Env(), "api", "spot", "Time", "--url", "ftp://example");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("not an absolute http:// or https:// URL");
    }

    [Fact]
    public async Task Spot_KeyHeldByAnotherHolder_ExitsThreeNamingTheHolder()
    {
        var folder = Path.Combine(_data, "nonces");
        Directory.CreateDirectory(folder);
        using var held = FileNonceStore.Open(folder, "cli-test-key-0001", new FakeTimeProvider());

        var run = await CliProcess.RunAsync(Env(), "api", "spot", "Balance", "--url", "http://127.0.0.1:9", "--data", _data);

        run.ExitCode.ShouldBe(3);
        run.Error.ShouldContain(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        run.Error.ShouldContain(Environment.MachineName);
    }

    [Fact]
    public async Task Futures_UnknownVerb_ExitsNonZero()
    {
        var run = await CliProcess.RunAsync(null, "api", "futures", "DELETE", "openpositions");

        run.ExitCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task KeyFile_NotJson_ExitsTwoWithoutQuotingIt()
    {
        Directory.CreateDirectory(_data);
        var file = Path.Combine(_data, "key.json");
        await File.WriteAllTextAsync(file, "key=abc secret=" + _secret, TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync(null, "api", "spot", "Balance", "--key-file", file, "--url", "http://127.0.0.1:9", "--data", _data);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("is not JSON");
        (run.Out + run.Error).ShouldNotContain(_secret);
    }

    private Dictionary<string, string?> Env(string key = "cli-test-key-0001", string? secret = null) =>
        new() { ["KRAKEN_API_KEY"] = key, ["KRAKEN_API_SECRET"] = secret ?? _secret };
}
