using System.Text;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Edge;

/// <summary>Requests no route serves, and methods no route takes, get their API family's error shape (docs/sandbox.md, "The edge").</summary>
public sealed class EdgeAnswerTests
{
    public const string AdminToken = "edge-admin-token";

    private const string UnknownMethod = """{"error":["EGeneral:Unknown method"]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET //0/public/Time HTTP/1.1", 200, UnknownMethod)]
    [InlineData("POST /0//private/Balance HTTP/1.1", 200, UnknownMethod)]
    [InlineData("POST /0/private HTTP/1.1", 200, UnknownMethod)]
    [InlineData("GET /0/public/ HTTP/1.1", 200, UnknownMethod)]
    [InlineData("GET /0 HTTP/1.1", 200, UnknownMethod)]
    [InlineData("PUT /0/public/Time HTTP/1.1", 200, UnknownMethod)]
    [InlineData("OPTIONS /0/public/Time HTTP/1.1", 200, UnknownMethod)]
    [InlineData("TRACE /0/private/Balance HTTP/1.1", 200, UnknownMethod)]
    [InlineData("CONNECT /0/private/Balance HTTP/1.1", 405, UnknownMethod)]
    [InlineData("GET /foo HTTP/1.1", 404, UnknownMethod)]
    [InlineData("GET / HTTP/1.1", 404, UnknownMethod)]
    [InlineData("OPTIONS * HTTP/1.1", 404, UnknownMethod)]
    [InlineData("GET //derivatives/api/v3/tickers HTTP/1.1", 404, """{"result":"error","serverTime":"2026-01-05T12:00:00.000Z","error":"notFound"}""")]
    [InlineData("GET /api//history/v3/account-log HTTP/1.1", 404, """{"result":"error","serverTime":"2026-01-05T12:00:00.000Z","error":"notFound"}""")]
    [InlineData("CONNECT /derivatives/api/v3/accounts HTTP/1.1", 405, """{"result":"error","serverTime":"2026-01-05T12:00:00.000Z","error":"notFound"}""")]
    [InlineData("GET //admin/accounts HTTP/1.1", 404, """{"error":"no admin route GET //admin/accounts; see docs/sandbox.md for the routes"}""")]
    [InlineData("CONNECT /admin/accounts HTTP/1.1", 405, """{"error":"no admin route CONNECT /admin/accounts; see docs/sandbox.md for the routes"}""")]
    public async Task Unserved_FamilyErrorShape(string requestLine, int status, string body)
    {
        await using var sandbox = await StartAsync();

        var answer = await RawConnection.ExchangeAsync(sandbox.BaseUrl, RawConnection.Request(requestLine, ["Host: 127.0.0.1", "Content-Length: 0"]), false, Ct);

        answer.Status.ShouldBe(status, answer.Raw);
        answer.Body.ShouldBe(body);
        answer.Headers["Content-Type"].ShouldStartWith("application/json");
        if (status == 405)
        {
            answer.Headers["Allow"].ShouldContain("GET");
        }
    }

    [Fact]
    public async Task Head_UnservedSpotMethod_JsonHeadersNoBody()
    {
        await using var sandbox = await StartAsync();

        var answer = await RawConnection.ExchangeAsync(sandbox.BaseUrl, RawConnection.Request("HEAD /0/public/Time HTTP/1.1", ["Host: 127.0.0.1"]), false, Ct);

        answer.Status.ShouldBe(200, answer.Raw);
        answer.Headers["Content-Type"].ShouldStartWith("application/json");
        answer.Headers["Content-Length"].ShouldBe(UnknownMethod.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ConnectSigned_PrivateWithdraw_405NothingMovedNoNonceMark()
    {
        await using var sandbox = await StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 100m));
        var signed = sandbox.RawPrivateRequest(key, "Withdraw", "asset=ZUSD&key=bank&amount=10");
        var connect = Encoding.Latin1.GetBytes("CONNECT").Concat(signed.Skip("POST".Length)).ToArray();

        var answer = await RawConnection.ExchangeAsync(sandbox.BaseUrl, connect, false, Ct);

        answer.Status.ShouldBe(405, answer.Raw);
        answer.Body.ShouldBe(UnknownMethod);
        sandbox.Exchange.Balances("desk", Sandbox.Ledger.Wallet.Spot)["ZUSD"].ShouldBe(100m);
        sandbox.Exchange.NonceHighWater(key.ApiKey).ShouldBe(0);
    }

    internal static Task<SpotSandbox> StartAsync() => SpotSandbox.StartAsync(new SandboxOptions { InMemory = true, AdminToken = AdminToken });
}
