using System.Text;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Transport;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Transport;

public sealed class EnvelopeTests
{
    private static HttpAnswer Answer(string body, int status = 200, string? media = "application/json") => new(status, media, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void ReadSpot_Success_ReturnsResult()
    {
        var result = Envelope.ReadSpot(Answer("""{"error":[],"result":{"unixtime":1688669597}}"""));

        result.Success.ShouldBeTrue();
        result.Value.GetProperty("unixtime").GetInt64().ShouldBe(1688669597);
    }

    [Fact]
    public void ReadSpot_SeveralErrors_FirstIsCodeAllInMessage()
    {
        var result = Envelope.ReadSpot(Answer("""{"error":["EGeneral:Invalid arguments:volume","EOrder:Order minimum not met"]}"""));

        result.Error!.Code.ShouldBe("EGeneral:Invalid arguments:volume");
        result.Error.Message.ShouldContain("EOrder:Order minimum not met");
    }

    [Fact]
    public void ReadSpot_EmptyErrorStrings_AreIgnored()
    {
        Envelope.ReadSpot(Answer("""{"error":[""],"result":true}""")).Success.ShouldBeTrue();
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", 502, "text/html", KrakenErrorCategory.Transient)]
    [InlineData("<html><body>Just a moment…</body></html>", 200, "text/html", KrakenErrorCategory.Protocol)]
    [InlineData("{\"error\":[],\"result\":{\"unix", 200, "application/json", KrakenErrorCategory.Protocol)]
    [InlineData("", 200, null, KrakenErrorCategory.Protocol)]
    [InlineData("", 503, null, KrakenErrorCategory.Transient)]
    [InlineData("[1,2,3]", 200, "application/json", KrakenErrorCategory.Protocol)]
    [InlineData("{\"something\":1}", 200, "application/json", KrakenErrorCategory.Protocol)]
    public void ReadSpot_NotAnEnvelope_TypedErrorWithClearMessage(string body, int status, string? media, KrakenErrorCategory category)
    {
        var result = Envelope.ReadSpot(Answer(body, status, media));

        result.Success.ShouldBeFalse();
        result.Error!.Category.ShouldBe(category);
        result.Error.Origin.ShouldBe(KrakenErrorOrigin.Transport);
        result.Error.Message.Length.ShouldBeLessThan(400);
    }

    [Fact]
    public void ReadSpot_HtmlPage_SaysItIsAProxyPage()
    {
        var result = Envelope.ReadSpot(Answer("<html>blocked</html>", 200, "text/html"));

        result.Error!.Message.ShouldContain("HTML page");
    }

    [Theory]
    [InlineData("""{"result":"error","serverTime":"2016-02-25T09:45:53.818Z","error":"apiLimitExceeded"}""", 200, "apiLimitExceeded")]
    [InlineData("""{"result":"error","errors":[{"code":92,"message":"INSUFFICIENT_MARGIN"}]}""", 500, "INSUFFICIENT_MARGIN")]
    [InlineData("""{"status":"unauthorized","reason":"You are not authorized to access this endpoint."}""", 401, "authenticationError")]
    [InlineData("""{"result":"error","errors":[{"code":0,"message":""}]}""", 400, "unknownError")]
    public void ReadFutures_ErrorShapes_KeepWireString(string body, int status, string code)
    {
        Envelope.ReadFutures(Answer(body, status)).Error!.Code.ShouldBe(code);
    }

    [Fact]
    public void ReadFutures_HistoryShapeWithoutResult_IsSuccess()
    {
        Envelope.ReadFutures(Answer("""{"accountUid":"x","logs":[]}""")).Success.ShouldBeTrue();
    }

    [Fact]
    public void Read_ArbitraryBytes_NeverThrow()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Int[100, 599]).Sample((bytes, status) =>
        {
            var answer = new HttpAnswer(status, "application/json", bytes);
            _ = Envelope.ReadSpot(answer);
            _ = Envelope.ReadFutures(answer);
        }, iter: 5000);
    }

    [Fact]
    public void Read_JsonLikeFragments_NeverThrow()
    {
        var token = Gen.OneOfConst("{", "}", "[", "]", "\"error\"", "\"result\"", ":", ",", "\"\"", "null", "1e999", "\"E\"", "true", "\"errors\"", "{\"message\":", "\\u0000");
        token.Array[0, 40].Select(parts => string.Concat(parts)).Sample(text =>
        {
            var answer = Answer(text);
            _ = Envelope.ReadSpot(answer);
            _ = Envelope.ReadFutures(answer);
        }, iter: 5000);
    }
}
