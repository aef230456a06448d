using System.Net;
using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary>The page: the embedded bundle when this build has it, else a page that says it is missing (never made-up data).</summary>
public sealed class PageTests
{
    [Fact]
    public async Task Root_ServesTheBundledPageOrSaysItIsMissing()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        await fleet.ServeAsync();

        using var root = await fleet.Http.GetAsync(fleet.Url("/"), TestContext.Current.CancellationToken);
        var html = await root.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        root.StatusCode.ShouldBe(HttpStatusCode.OK);
        root.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        root.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        root.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
        if (DashboardHost.HasPage)
        {
            html.ShouldContain("app.js");
            using var script = await fleet.Http.GetAsync(fleet.Url("/app.js"), TestContext.Current.CancellationToken);
            script.StatusCode.ShouldBe(HttpStatusCode.OK);
            script.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
            using var style = await fleet.Http.GetAsync(fleet.Url("/app.css"), TestContext.Current.CancellationToken);
            style.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        }
        else
        {
            html.ShouldContain("The dashboard page is not in this build");
            html.ShouldContain("/api/fleet");
        }
    }

    [Fact]
    public async Task UnknownFile_404()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        await fleet.ServeAsync();

        using var missing = await fleet.Http.GetAsync(fleet.Url("/nothing-here.js"), TestContext.Current.CancellationToken);

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
