using System.Text;
using Bulkhead.Kraken.Spot;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Spot;

/// <summary>The relay's nonce swap: the new nonce first, every other form pair's bytes kept in order; JSON keeps its shape.</summary>
public sealed class SpotRequestBodyTests
{
    [Fact]
    public void WithNonce_Form_PutsTheNonceFirstAndKeepsEveryOtherPairsBytes()
    {
        var name = Gen.String[Gen.Char['a', 'z'], 1, 8].Where(n => n != "nonce");
        var value = Gen.String[Gen.Char.AlphaNumeric, 0, 12].Select(v => Uri.EscapeDataString(v + " +/"));
        var pair = Gen.Select(name, value, (n, v) => n + "=" + v);
        Gen.Select(pair.List[0, 8], Gen.Long[1, long.MaxValue], Gen.Int[0, 8], Gen.Long[1, long.MaxValue])
            .Sample((pairs, botNonce, at, nonce) =>
            {
                var withBot = pairs.ToList();
                withBot.Insert(Math.Min(at, withBot.Count), "nonce=" + botNonce);
                var body = Encoding.UTF8.GetBytes(string.Join('&', withBot));

                var swapped = Encoding.UTF8.GetString(SpotRequestBody.WithNonce(body, "application/x-www-form-urlencoded", nonce));

                var expected = string.Join('&', new[] { "nonce=" + nonce }.Concat(pairs));
                swapped.ShouldBe(expected);
                SpotRequestBody.Nonce(body, null).ShouldBe(botNonce.ToString(System.Globalization.CultureInfo.InvariantCulture));
            });
    }

    [Fact]
    public void WithNonce_Json_ReplacesTheNonceKeepingItsKindAndTheOtherFields()
    {
        var body = """{"nonce":1,"asset":[{"asset":"XBT","aclass":"currency"}],"pair":"XBTUSD"}"""u8.ToArray();

        var swapped = Encoding.UTF8.GetString(SpotRequestBody.WithNonce(body, "application/json; charset=utf-8", 1_796_000_000_000_000));

        swapped.ShouldBe("""{"nonce":1796000000000000,"asset":[{"asset":"XBT","aclass":"currency"}],"pair":"XBTUSD"}""");
        SpotRequestBody.Nonce("""{"nonce":"42","pair":"XBTUSD"}"""u8, "application/json").ShouldBe("42");
        SpotRequestBody.Nonce("pair=XBTUSD"u8, null).ShouldBeNull();
    }
}
