using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>The <c>instrument</c> channel over real sockets.</summary>
public sealed class InstrumentChannelTests
{
    [Fact]
    public async Task Instrument_Spot_SnapshotHasAssetsAndPairsWithKrakenFields()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");

        await client.SendAsync("""{"method":"subscribe","params":{"channel":"instrument"},"req_id":1}""");
        (await client.ResponseAsync(1)).GetProperty("result").GetRawText().ShouldBe("""{"channel":"instrument","snapshot":true}""");
        var data = (await client.ChannelAsync("instrument", "snapshot")).GetProperty("data");

        data.ValueKind.ShouldBe(JsonValueKind.Object);
        var btc = data.GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "BTC");
        btc.GetRawText().ShouldBe("""{"id":"BTC","status":"enabled","precision":10,"precision_display":5,"borrowable":false,"collateral_value":1.0,"margin_rate":0.0}""");
        data.GetProperty("assets").EnumerateArray().Any(a => a.GetProperty("id").GetString() == "XBT").ShouldBeFalse();
        var pair = data.GetProperty("pairs").EnumerateArray().Single(p => p.GetProperty("symbol").GetString() == "BTC/USD");
        pair.GetRawText().ShouldBe(
            """{"symbol":"BTC/USD","base":"BTC","quote":"USD","status":"online","qty_precision":8,"qty_increment":0.00000001,"price_precision":1,"price_increment":0.1,"cost_precision":5,"cost_min":0.50000,"qty_min":0.00005000,"marginable":true,"has_index":false,"margin_initial":0.2000}""");
    }

    [Fact]
    public async Task Instrument_Unified_SnapshotListsPerpetuals()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2/public");

        await client.SendAsync("""{"method":"subscribe","params":{"channel":"instrument","asset_class":"derivatives"},"req_id":1}""");
        (await client.ResponseAsync(1)).GetProperty("success").GetBoolean().ShouldBeTrue();
        var pairs = (await client.ChannelAsync("instrument", "snapshot")).GetProperty("data").GetProperty("pairs");

        pairs.EnumerateArray().Select(p => p.GetProperty("symbol").GetString()).ShouldBe(["PF_XBTUSD", "PF_ETHUSD"]);
        var xbt = pairs[0];
        xbt.GetProperty("base").GetString().ShouldBe("BTC");
        xbt.GetProperty("type").GetString().ShouldBe("perpetual");
        xbt.GetProperty("price_increment").GetRawText().ShouldBe("1");
        xbt.GetProperty("qty_precision").GetInt32().ShouldBe(4);
        xbt.GetProperty("qty_increment").GetRawText().ShouldBe("0.0001");
        xbt.GetProperty("contract_size").GetRawText().ShouldBe("1");
        pairs[1].GetProperty("price_increment").GetRawText().ShouldBe("0.1");
    }

    [Theory]
    [InlineData("/v2", """{"channel":"instrument","symbol":["BTC/USD"]}""", "Unsupported field: 'symbol'")]
    [InlineData("/v2", """{"channel":"instrument","snapshot":1}""", "Invalid 'params.snapshot'")]
    [InlineData("/v2/public", """{"channel":"instrument"}""", "Invalid 'params.asset_class'")]
    public async Task Instrument_BadParams_AnswersErrorAndSubscribesNothing(string path, string parameters, string error)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, path);

        await client.SendAsync($$"""{"method":"subscribe","params":{{parameters}},"req_id":1}""");
        (await client.ResponseAsync(1)).GetProperty("error").GetString().ShouldBe(error);
        var assetClass = path == "/v2" ? string.Empty : ""","asset_class":"derivatives" """.TrimEnd();
        await client.SendAsync($$"""{"method":"unsubscribe","params":{"channel":"instrument"{{assetClass}}},"req_id":2}""");

        (await client.ResponseAsync(2)).GetProperty("error").GetString().ShouldBe(SocketErrors.SubscriptionNotFound);
    }
}
