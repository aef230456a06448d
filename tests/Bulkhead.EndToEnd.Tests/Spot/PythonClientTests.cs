using System.Globalization;
using Bulkhead.EndToEnd.Tests.Harness;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Spot;

/// <summary>
/// krakenex 2.2.2 and python-kraken-sdk 3.5.1, unmodified, against the real <c>bulkhead sandbox serve</c> process
/// (pyclients/run.py). Both take a base URL without patching: krakenex's <c>uri</c> attribute, python-kraken-sdk's
/// <c>url</c> constructor argument (Spot and Futures clients). They come from PyPI: where test.sh could not install
/// them (PyPI unreachable) these tests are skipped with that reason.
/// </summary>
public sealed class PythonClientTests
{
    private static void SkipUnlessInstalled()
    {
        if (PythonClient.Folder(out var reason) is null)
        {
            Assert.Skip(reason);
        }
    }

    [Fact]
    public async Task Krakenex_PublicAndPrivate_BalanceAddOrderOpenOrdersCancelOrder()
    {
        SkipUnlessInstalled();
        await using var sandbox = await SandboxProcess.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "10000");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", Trader);

        var s = await sandbox.RunPythonAsync(
            Krakenex,
            key,
            ClientStep.Call("Time"),
            ClientStep.Call("AssetPairs", new Dictionary<string, object> { ["pair"] = "XBTUSD" }),
            ClientStep.Call("Balance"),
            ClientStep.Call("AddOrder", new Dictionary<string, object> { ["pair"] = "XBTUSD", ["type"] = "buy", ["ordertype"] = "limit", ["price"] = "40000", ["volume"] = "0.01" }),
            ClientStep.Call("OpenOrders"),
            ClientStep.Call("CancelOrder", new Dictionary<string, object> { ["txid"] = ClientStep.Ref(3, "txid.0") }),
            ClientStep.Call("OpenOrders"));

        for (var i = 0; i < s.Count; i++)
        {
            s[i].Ok.ShouldBeTrue($"step {i}: {s[i]}");
        }

        s[1].Value!["XXBTZUSD"].ShouldNotBeNull();
        decimal.Parse(s[2].Value!["ZUSD"]!.GetValue<string>(), CultureInfo.InvariantCulture).ShouldBe(10000m);
        var id = s[3].Value!["txid"]![0]!.GetValue<string>();
        s[4].Value!["open"]![id].ShouldNotBeNull();
        s[5].Value!["count"]!.GetValue<int>().ShouldBe(1);
        s[6].Value!["open"]!.AsObject().ShouldBeEmpty();
        await sandbox.ShouldConserveAsync();
    }

    [Fact]
    public async Task PythonKrakenSdk_SpotUserTradeMarket()
    {
        SkipUnlessInstalled();
        await using var sandbox = await SandboxProcess.StartAsync(market: true);
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "10000");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", Trader);

        var s = await sandbox.RunPythonAsync(
            PythonKrakenSdk,
            key,
            ClientStep.Call("Market.get_ticker", new Dictionary<string, object> { ["pair"] = "XBTUSD" }),
            ClientStep.Call("User.get_balance"),
            ClientStep.Call("Trade.create_order", new Dictionary<string, object> { ["ordertype"] = "limit", ["side"] = "buy", ["pair"] = "XBTUSD", ["volume"] = "0.01", ["price"] = "40000" }),
            ClientStep.Call("User.get_open_orders"),
            ClientStep.Call("Trade.cancel_order", new Dictionary<string, object> { ["txid"] = ClientStep.Ref(2, "txid.0") }));

        for (var i = 0; i < s.Count; i++)
        {
            s[i].Ok.ShouldBeTrue($"step {i}: {s[i]}");
        }

        s[0].Value!["XXBTZUSD"].ShouldNotBeNull();
        s[4].Value!["count"]!.GetValue<int>().ShouldBe(1);
        await sandbox.ShouldConserveAsync();
    }

    [Fact]
    public async Task PythonKrakenSdk_FuturesMarketAndUser()
    {
        SkipUnlessInstalled();
        await using var sandbox = await SandboxProcess.StartAsync(market: true);
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "10000", wallet: "futures");
        var key = await sandbox.Admin.CreateFuturesKeyAsync("desk", "full", withdraw: false);

        var s = await sandbox.RunPythonAsync(
            PythonKrakenSdkFutures,
            key,
            ClientStep.Call("Market.get_tickers"),
            ClientStep.Call("User.get_wallets"),
            ClientStep.Call("User.get_open_positions"));

        for (var i = 0; i < s.Count; i++)
        {
            s[i].Ok.ShouldBeTrue($"step {i}: {s[i]}");
        }

        await sandbox.ShouldConserveAsync();
    }
}
