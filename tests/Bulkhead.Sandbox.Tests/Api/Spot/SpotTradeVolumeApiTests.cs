using System.Globalization;
using System.Text;
using Bulkhead.Kraken.Errors;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Spot;

/// <summary>TradeVolume's <c>pair</c> as a comma list (form) or a JSON list of names or <c>{asset, aclass}</c> objects (JSON body).</summary>
public sealed class SpotTradeVolumeApiTests
{
    [Theory]
    [InlineData("""[{"asset":"XBTUSD","aclass":"currency"},{"asset":"ETHUSD","aclass":"currency"}]""")]
    [InlineData("""[{"asset":"XBTUSD"},"ETHUSD"]""")]
    [InlineData("""["XBTUSD","ETHUSD"]""")]
    [InlineData("\"XBTUSD,ETHUSD\"")]
    public async Task TradeVolume_JsonBodyPairList_FeesForEachPair(string pairs)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));

        var result = (await JsonAsync(sandbox, key, "\"pair\":" + pairs)).ShouldSucceed();

        result.GetProperty("fees").EnumerateObject().Select(p => p.Name).ShouldBe(["XXBTZUSD", "XETHZUSD"]);
        result.GetProperty("fees_maker").EnumerateObject().Select(p => p.Name).ShouldBe(["XXBTZUSD", "XETHZUSD"]);
    }

    [Fact]
    public async Task TradeVolume_FormCommaList_SameAsJsonList()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));

        var form = (await sandbox.PrivateAsync(key, "TradeVolume", "pair=XBTUSD,ETHUSD")).ShouldSucceed();
        var json = (await JsonAsync(sandbox, key, "\"pair\":" + """[{"asset":"XBTUSD","aclass":"currency"},{"asset":"ETHUSD","aclass":"currency"}]""")).ShouldSucceed();

        json.GetRawText().ShouldBe(form.GetRawText());
    }

    [Fact]
    public async Task TradeVolume_DerivativesAsset_FuturesScheduleAtTheFuturesVolume()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));

        var futures = (await JsonAsync(sandbox, key, "\"pair\":" + """[{"asset":"pf_xbtusd","aclass":"derivatives"}]""")).ShouldSucceed();
        var mixed = (await JsonAsync(sandbox, key, "\"pair\":" + """[{"asset":"PF_XBTUSD","aclass":"derivatives"},"XBTUSD"]""")).ShouldSucceed();
        var unknown = await JsonAsync(sandbox, key, "\"pair\":" + """[{"asset":"PF_NOPEUSD","aclass":"derivatives"}]""");

        futures.GetProperty("volume").GetString().ShouldBe("0.0000");
        var taker = futures.GetProperty("fees").GetProperty("PF_XBTUSD");
        (taker.GetProperty("fee").GetString(), taker.GetProperty("nextfee").GetString(), taker.GetProperty("nextvolume").GetString()).ShouldBe(("0.0500", "0.0400", "100000.0000"));
        futures.GetProperty("fees_maker").GetProperty("PF_XBTUSD").GetProperty("fee").GetString().ShouldBe("0.0200");
        mixed.GetProperty("fees").EnumerateObject().Select(p => (p.Name, p.Value.GetProperty("fee").GetString())).ShouldBe([("PF_XBTUSD", "0.0500"), ("XXBTZUSD", "0.4000")]);
        unknown.ShouldFailWith(KrakenErrors.UnknownAssetPair);
    }

    [Theory]
    [InlineData("""[{"asset":1}]""", KrakenErrors.InvalidArguments + ":pair")]
    [InlineData("""[{"aclass":"currency"}]""", KrakenErrors.InvalidArguments + ":pair")]
    [InlineData("""[{"asset":"XBTUSD","aclass":7}]""", KrakenErrors.InvalidArguments + ":pair")]
    [InlineData("""[[]]""", KrakenErrors.InvalidArguments + ":pair")]
    [InlineData("\"[not json\"", KrakenErrors.InvalidArguments + ":pair")]
    [InlineData("""[{"asset":"NOPEUSD","aclass":"currency"}]""", KrakenErrors.UnknownAssetPair)]
    public async Task TradeVolume_BadPairList_KrakenError(string pairs, string error)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));

        (await JsonAsync(sandbox, key, "\"pair\":" + pairs)).ShouldFailWith(error);
    }

    private static Task<Answer> JsonAsync(SpotSandbox sandbox, TestKey key, string fields)
    {
        var nonce = sandbox.NextNonce();
        var body = Encoding.UTF8.GetBytes("{\"nonce\":\"" + nonce.ToString(CultureInfo.InvariantCulture) + "\"," + fields + "}");
        return sandbox.SendAsync(key, "TradeVolume", body, nonce, "application/json");
    }
}
