using System.Net;
using System.Net.Http.Headers;
using Bulkhead.Cli.Tests;
using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary>The access token: required off loopback, accepted as a bearer header or a cookie set by <c>?token=</c>, refused otherwise.</summary>
public sealed class TokenTests
{
    private const string Token = "test-dashboard-token-7f3a";

    [Fact]
    public async Task Token_Missing_401_Wrong_401_Bearer_200()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        await fleet.ServeAsync(Token);

        using var none = await fleet.Http.GetAsync(fleet.Url("/api/fleet"), TestContext.Current.CancellationToken);
        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        none.Headers.WwwAuthenticate.ToString().ShouldContain("Bearer");
        var refusal = await none.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        refusal.ShouldContain("--dashboard-token");
        refusal.ShouldNotContain(Token);

        foreach (var path in (string[])["/", "/api/status", "/api/events", "/app.js"])
        {
            using var page = await fleet.Http.GetAsync(fleet.Url(path), TestContext.Current.CancellationToken);
            page.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
        }

        using var wrong = new HttpRequestMessage(HttpMethod.Get, fleet.Url("/api/fleet")) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token + "x") } };
        (await fleet.Http.SendAsync(wrong, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var right = new HttpRequestMessage(HttpMethod.Get, fleet.Url("/api/fleet")) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } };
        using var ok = await fleet.Http.SendAsync(right, TestContext.Current.CancellationToken);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("\"fleet\":\"desk\"");
    }

    [Fact]
    public async Task Token_InQueryOnce_SetsAnHttpOnlyCookie_AndTheRedirectDropsIt()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        await fleet.ServeAsync(Token);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler);

        using var first = await browser.GetAsync(fleet.Url("/?token=" + Token + "&view=tree"), TestContext.Current.CancellationToken);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Headers.Location!.ToString().ShouldBe("/?view=tree");
        var cookie = first.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        using var page = await browser.GetAsync(fleet.Url("/?view=tree"), TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var api = await browser.GetAsync(fleet.Url("/api/tree"), TestContext.Current.CancellationToken);
        api.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var apiWithQuery = await fleet.Http.GetAsync(fleet.Url("/api/fees?token=" + Token), TestContext.Current.CancellationToken);
        apiWithQuery.StatusCode.ShouldBe(HttpStatusCode.OK); // an API call is answered, not redirected
    }

    [Fact]
    public async Task Loopback_NoToken_Open()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        var host = await fleet.ServeAsync();

        host.Url.ToString().ShouldStartWith("http://127.0.0.1:");
        (await fleet.GetJsonAsync("/api/fleet"))["fleet"]!.GetValue<string>().ShouldBe("desk");
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.10")]
    [InlineData("::")]
    public void NonLoopback_WithoutToken_RefusedNamingTheFix(string bind)
    {
        var refusal = Should.Throw<DashboardOptionsException>(() => DashboardHost.CheckBind(bind, null));

        refusal.Message.ShouldContain("--dashboard-token");
        refusal.Message.ShouldContain(DashboardOptions.TokenVariable);
        DashboardHost.CheckBind(bind, Token).ToString().ShouldNotBeEmpty();
    }

    [Fact]
    public void Bind_NotAnAddress_Refused() =>
        Should.Throw<DashboardOptionsException>(() => DashboardHost.CheckBind("dashboard.example", "t")).Message.ShouldContain("is not an IP address");

    [Fact]
    public async Task Cli_RunBoundOffLoopbackWithoutToken_Exit2NamingTheFix()
    {
        await using var fleet = await DashboardFixture.CreateAsync();

        var run = await CliProcess.RunAsync(
            new Dictionary<string, string?> { [DashboardOptions.TokenVariable] = null },
            "run", Path.Combine(fleet.Folder, "fleet.toml"), "--port", "0", "--dashboard-bind", "0.0.0.0");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--dashboard-bind 0.0.0.0 is not a loopback address");
        run.Error.ShouldContain("--dashboard-token");
    }

    [Fact]
    public async Task Cli_DemoBoundOffLoopbackWithoutToken_Exit2BeforeStartingAnything()
    {
        var home = Directory.CreateTempSubdirectory("bulkhead-dash-demo-usage-").FullName;
        try
        {
            var demo = await CliProcess.RunAsync(
                new Dictionary<string, string?> { ["BULKHEAD_HOME"] = home, [DashboardOptions.TokenVariable] = null },
                "demo", "--port", "0", "--dashboard-bind", "0.0.0.0");

            demo.ExitCode.ShouldBe(2);
            demo.Error.ShouldContain("bulkhead demo: --dashboard-bind 0.0.0.0 is not a loopback address");
            Directory.Exists(Path.Combine(home, "demo")).ShouldBeFalse("nothing was created");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
