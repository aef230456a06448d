using System.Security.Cryptography;
using System.Text.Json;
using Bulkhead.Testing.FakeKraken;
using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Commands;

/// <summary><c>bulkhead api</c> as a real process against servers that check signatures and nonces as Kraken does.</summary>
public sealed class ApiCommandServerTests : IAsyncLifetime
{
    private const string Key = "cli-server-key-0001";
    private readonly string _secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
    private readonly string _data = Path.Combine(Path.GetTempPath(), "bulkhead-cli-" + Guid.NewGuid().ToString("N"));
    private readonly string _fixtures = Path.Combine(Path.GetTempPath(), "bulkhead-cli-fx-" + Guid.NewGuid().ToString("N"));
    private FakeSpotServer _spot = null!;
    private FakeFuturesServer _futures = null!;

    public async ValueTask InitializeAsync()
    {
        _spot = await FakeSpotServer.StartAsync();
        _spot.AddKey(Key, _secret);
        _spot.SetResult("Time", """{"unixtime":1764158400,"rfc1123":"Wed, 26 Nov 25 12:00:00 +0000"}""");
        _spot.SetResult("Balance", """{"ZUSD":"2500.0000","XXBT":"0.0100000000"}""");
        Directory.CreateDirectory(_fixtures);
        await File.WriteAllTextAsync(Path.Combine(_fixtures, "accounts.json"),
            """{"result":"success","serverTime":"2026-11-26T12:00:00.000Z","accounts":{"cash":{"type":"cashAccount","balances":{"usd":"100"}},"flex":{"type":"multiCollateralMarginAccount","currencies":{},"balanceValue":0,"portfolioValue":0,"collateralValue":0,"initialMargin":0,"initialMarginWithOrders":0,"maintenanceMargin":0,"pnl":0,"unrealizedFunding":0,"totalUnrealized":0,"totalUnrealizedAsMargin":0,"marginEquity":0,"availableMargin":0}}}""");
        await File.WriteAllTextAsync(Path.Combine(_fixtures, "instruments.json"),
            """{"result":"success","serverTime":"2026-11-26T12:00:00.000Z","instruments":[{"symbol":"PF_XBTUSD","type":"flexible_futures","tradeable":true}]}""");
        _futures = await FakeFuturesServer.StartAsync(_fixtures);
        _futures.AddKey(Key, _secret);
    }

    public async ValueTask DisposeAsync()
    {
        await _spot.DisposeAsync();
        await _futures.DisposeAsync();
        foreach (var dir in new[] { _data, _fixtures })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public async Task SpotTime_Public_PrintsResultAndExitsZero()
    {
        var run = await CliProcess.RunAsync(null, "api", "spot", "Time", "--url", _spot.BaseUrl.ToString());

        run.ExitCode.ShouldBe(0, run.Error);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("unixtime").GetInt64().ShouldBe(1764158400);
    }

    [Fact]
    public async Task SpotBalance_SignedCall_VerifiedByServerAndPrinted()
    {
        var run = await CliProcess.RunAsync(Env(), "api", "spot", "Balance", "--url", _spot.BaseUrl.ToString(), "--data", _data);

        run.ExitCode.ShouldBe(0, run.Error);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("ZUSD").GetString().ShouldBe("2500.0000");
        _spot.Requests.ShouldHaveSingleItem().Outcome.ShouldBe("ok");
        (run.Out + run.Error).ShouldNotContain(_secret);
    }

    [Fact]
    public async Task SpotBalance_TwoRuns_SecondNonceAboveFirstFromPersistedHighWater()
    {
        (await CliProcess.RunAsync(Env(), "api", "spot", "Balance", "--url", _spot.BaseUrl.ToString(), "--data", _data)).ExitCode.ShouldBe(0);
        (await CliProcess.RunAsync(Env(), "api", "spot", "Balance", "--url", _spot.BaseUrl.ToString(), "--data", _data)).ExitCode.ShouldBe(0);

        var nonces = _spot.Requests.Select(r => r.Nonce!.Value).ToList();
        nonces.Count.ShouldBe(2);
        nonces[1].ShouldBeGreaterThan(nonces[0]);
        _spot.Requests.ShouldAllBe(r => r.Outcome == "ok");
    }

    [Fact]
    public async Task SpotBalance_WrongSecret_ExitsOneWithKrakensStringOnStderr()
    {
        var wrong = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var run = await CliProcess.RunAsync(Env(secret: wrong), "api", "spot", "Balance", "--url", _spot.BaseUrl.ToString(), "--data", _data);

        run.ExitCode.ShouldBe(1);
        run.Error.Split('\n')[0].ShouldBe("EAPI:Invalid signature");
        run.Out.ShouldBeEmpty();
        (run.Out + run.Error).ShouldNotContain(wrong);
    }

    [Fact]
    public async Task SpotBalance_UnknownKey_ExitsOneWithInvalidKey()
    {
        var run = await CliProcess.RunAsync(Env(key: "someone-elses-key"), "api", "spot", "Balance", "--url", _spot.BaseUrl.ToString(), "--data", _data);

        run.ExitCode.ShouldBe(1);
        run.Error.Split('\n')[0].ShouldBe("EAPI:Invalid key");
    }

    [Fact]
    public async Task SpotBalance_KeyFile_UsedInsteadOfVariables()
    {
        Directory.CreateDirectory(_data);
        var file = Path.Combine(_data, "key.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new { key = Key, secret = _secret }), TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync(null, "api", "spot", "Balance", "--key-file", file, "--url", _spot.BaseUrl.ToString(), "--data", _data);

        run.ExitCode.ShouldBe(0, run.Error);
    }

    [Fact]
    public async Task FuturesAccounts_SignedCall_VerifiedByServer()
    {
        var run = await CliProcess.RunAsync(Env(), "api", "futures", "GET", "accounts", "--url", _futures.BaseUrl.ToString(), "--data", _data);

        run.ExitCode.ShouldBe(0, run.Error);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("accounts").GetProperty("cash").GetProperty("type").GetString().ShouldBe("cashAccount");
        _futures.RequestsTo("accounts").ShouldHaveSingleItem().Authenticated.ShouldBeTrue();
    }

    [Fact]
    public async Task FuturesInstruments_Public_NeedsNoKey()
    {
        var run = await CliProcess.RunAsync(null, "api", "futures", "GET", "instruments", "--url", _futures.BaseUrl.ToString());

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("PF_XBTUSD");
    }

    private Dictionary<string, string?> Env(string key = Key, string? secret = null) =>
        new() { ["KRAKEN_API_KEY"] = key, ["KRAKEN_API_SECRET"] = secret ?? _secret };
}
