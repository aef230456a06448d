using System.Net;
using System.Text;
using Bulkhead.Kraken.Errors;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Spot;

public sealed class SpotPublicApiTests
{
    [Fact]
    public async Task Time_SpotClient_ReturnsFakeClock()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var result = await sandbox.Client().GetServerTimeAsync(TestContext.Current.CancellationToken);
        result.Success.ShouldBeTrue(result.Error?.Message);
        var raw = await sandbox.RawAsync(HttpMethod.Get, "/0/public/Time", null, null, []);
        raw.ShouldSucceed().GetProperty("unixtime").GetInt64().ShouldBe(sandbox.Time.GetUtcNow().ToUnixTimeSeconds());
        raw.Result.GetProperty("rfc1123").GetString().ShouldBe("Mon, 05 Jan 26 12:00:00 +0000");
    }

    [Fact]
    public async Task Assets_EveryAsset_HasCcxtFields()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var result = (await sandbox.RawAsync(HttpMethod.Get, "/0/public/Assets", null, null, [])).ShouldSucceed();
        var xbt = result.GetProperty("XXBT");
        xbt.GetProperty("altname").GetString().ShouldBe("XBT");
        xbt.GetProperty("decimals").GetInt32().ShouldBe(10);
        xbt.GetProperty("display_decimals").GetInt32().ShouldBe(5);
        xbt.GetProperty("status").GetString().ShouldBe("enabled");
        result.GetProperty("ZUSD").GetProperty("altname").GetString().ShouldBe("USD");
        var typed = await sandbox.Client().GetAssetsAsync(cancellationToken: TestContext.Current.CancellationToken);
        typed.Success.ShouldBeTrue(typed.Error?.Message);
    }

    [Fact]
    public async Task AssetPairs_KeyedById_WithEveryFieldCcxtParses()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var result = (await sandbox.RawAsync(HttpMethod.Get, "/0/public/AssetPairs", null, null, [])).ShouldSucceed();
        foreach (var id in new[] { "XXBTZUSD", "XETHZUSD", "XETHXXBT" })
        {
            var pair = result.GetProperty(id);
            foreach (var field in new[] { "altname", "wsname", "base", "quote", "pair_decimals", "lot_decimals", "cost_decimals", "ordermin", "costmin", "tick_size", "status", "fees", "fees_maker", "leverage_buy", "leverage_sell", "margin_call", "margin_stop", "lot", "lot_multiplier" })
            {
                pair.TryGetProperty(field, out _).ShouldBeTrue($"{id}.{field}");
            }

            pair.GetProperty("status").GetString().ShouldBe("online");
            pair.GetProperty("ordermin").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        }

        result.GetProperty("XXBTZUSD").GetProperty("altname").GetString().ShouldBe("XBTUSD");
        result.GetProperty("XXBTZUSD").GetProperty("fees")[0][1].GetDecimal().ShouldBe(0.40m);
        var typed = await sandbox.Client().GetAssetPairsAsync(cancellationToken: TestContext.Current.CancellationToken);
        typed.Success.ShouldBeTrue(typed.Error?.Message);
        typed.Value!.ShouldContainKey("XETHXXBT");
    }

    [Fact]
    public async Task AssetPairs_UnknownPair_UnknownAssetPair()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        (await sandbox.RawAsync(HttpMethod.Get, "/0/public/AssetPairs?pair=NOPE", null, null, [])).ShouldFailWith(KrakenErrors.UnknownAssetPair);
    }

    [Fact]
    public async Task PublicPost_WithoutContentType_KrakenApiStyle_Works()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        (await sandbox.RawAsync(HttpMethod.Post, "/0/public/Time", [], null, [])).ShouldSucceed();
        var assets = (await sandbox.RawAsync(HttpMethod.Post, "/0/public/Assets", Encoding.UTF8.GetBytes("asset=XBT"), null, [])).ShouldSucceed();
        assets.EnumerateObject().Select(p => p.Name).ShouldBe(["XXBT"]);
    }

    [Fact]
    public async Task SystemStatus_Online()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        (await sandbox.RawAsync(HttpMethod.Get, "/0/public/SystemStatus", null, null, [])).ShouldSucceed().GetProperty("status").GetString().ShouldBe("online");
    }

    [Fact]
    public async Task UnknownPublicMethod_UnknownMethod()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var answer = await sandbox.RawAsync(HttpMethod.Get, "/0/public/Nope?pair=XBTUSD", null, null, []);
        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.ShouldFailWith(KrakenErrors.UnknownMethod);
    }
}
