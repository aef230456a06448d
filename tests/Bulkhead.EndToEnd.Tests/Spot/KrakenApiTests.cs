using Bulkhead.EndToEnd.Tests.Harness;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Spot;

/// <summary>
/// npm <c>kraken-api</c> 1.0.2, unmodified: every call a POST without Content-Type, 16-digit nonces (so it gets its own
/// key, spot.md §7.2), and errors surfaced only from a 2xx body.
/// </summary>
public sealed class KrakenApiTests
{
    [Fact]
    public async Task Time_PostWithoutContentType_ReturnsTheSandboxClock()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var steps = await sandbox.RunAsync(KrakenApi, null, ClientStep.Call("Time"));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        steps[0].Value!["unixtime"]!.GetValue<long>().ShouldBe(SandboxServer.Start.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Balance_ContentTypeLessFormBody_ReturnsBalancesAsStrings()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "2500");
        await sandbox.Admin.DepositAsync("desk", "XXBT", "0.01");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds]);

        var steps = await sandbox.RunAsync(KrakenApi, key, ClientStep.Call("Balance"), ClientStep.Call("Balance"));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        steps[1].Ok.ShouldBeTrue("a second 16-digit nonce is higher: " + steps[1]);
        decimal.Parse(steps[0].Value!["ZUSD"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(2500m);
        decimal.Parse(steps[0].Value!["XXBT"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(0.01m);
        sandbox.Exchange.NonceHighWater(key.Key).ShouldBeGreaterThan(1_000_000_000_000_000, "kraken-api sends ms x 1000");
        sandbox.ShouldConserveTotals();
    }

    [Fact]
    public async Task Balance_WrongSecret_ErrorTextReachesTheCaller()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds]);
        var ledgerOnly = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryLedgerEntries]);

        var wrong = await sandbox.RunAsync(KrakenApi, key.WithWrongSecret(), ClientStep.Call("Balance"));
        var denied = await sandbox.RunAsync(KrakenApi, ledgerOnly, ClientStep.Call("Balance"));

        // kraken-api drops the leading 'E' and loses the text entirely on a non-2xx status.
        wrong[0].Ok.ShouldBeFalse();
        wrong[0].Message.ShouldBe("API:Invalid signature");
        denied[0].Message.ShouldBe("General:Permission denied");
    }

    [Fact]
    public async Task Balance_SameKeyAfterKrakenApi_CcxtMillisecondNoncesAreInvalid()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds]);

        var krakenApi = await sandbox.RunAsync(KrakenApi, key, ClientStep.Call("Balance"));
        var ccxt = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchBalance"));

        // Why each client needs its own key (spot.md §7.2): 13-digit nonces are below a 16-digit high-water mark.
        krakenApi[0].Ok.ShouldBeTrue(krakenApi[0].ToString());
        ccxt[0].Error.ShouldBe("InvalidNonce", ccxt[0].ToString());
    }
}
