using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Dashboard.Api;

/// <summary>
/// The page: the web bundle embedded in this assembly as <c>wwwroot/FILE</c> resources (index.html, app.js, app.css;
/// built by <c>web/</c> with npm). <c>GET /</c> is index.html. A binary built without the bundle serves a plain page
/// that says so, and the JSON API as always.
/// </summary>
internal static class PageApi
{
    private const string Prefix = "wwwroot/";

    /// <summary>Everything from this origin only: the page loads nothing from elsewhere (uPlot sets inline styles).</summary>
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static readonly Assembly Bundle = typeof(DashboardHost).Assembly;

    /// <summary>Whether the page's bundle is embedded.</summary>
    public static bool HasBundle => Bundle.GetManifestResourceInfo(Prefix + "index.html") is not null;

    public static IEndpointRouteBuilder MapPageApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (HttpContext context) => HasBundle ? Serve(context, "index.html") : Missing(context));
        routes.MapGet("/{file}", (HttpContext context, string file) => Serve(context, file));
        return routes;
    }

    private static async Task Serve(HttpContext context, string file)
    {
        var stream = Bundle.GetManifestResourceStream(Prefix + file);
        if (stream is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using (stream.ConfigureAwait(false))
        {
            context.Response.ContentType = ContentType(file);
            PageHeaders(context.Response);
            context.Response.ContentLength = stream.Length;
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Revalidated on every load (a rebuilt bundle is picked up at once), CSP, nosniff, no referrer.</summary>
    private static void PageHeaders(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        ".map" => "application/json; charset=utf-8",
        _ => "application/octet-stream",
    };

    private static Task Missing(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        PageHeaders(context.Response);
        return context.Response.WriteAsync(
            """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Bulkhead dashboard — page not built</title></head>
            <body data-page="missing">
            <h1>The dashboard page is not in this build</h1>
            <p>This binary was built without the web bundle (src/Bulkhead.Dashboard/web, built with node and npm), so there
            is no page to show. Nothing here is made up: the fleet's data is served as JSON all the same.</p>
            <ul>
            <li><a href="/api/fleet">/api/fleet</a> — everything in one document</li>
            <li><a href="/api/tree">/api/tree</a>, <a href="/api/balances">/api/balances</a>, <a href="/api/pnl">/api/pnl</a>,
            <a href="/api/equity">/api/equity</a>, <a href="/api/fees">/api/fees</a>, <a href="/api/margin">/api/margin</a>,
            <a href="/api/audit">/api/audit</a>, <a href="/api/treasury">/api/treasury</a>, <a href="/api/status">/api/status</a></li>
            <li><a href="/api/events">/api/events</a> — server-sent events</li>
            </ul>
            <p>To get the page: install nodejs and npm, then rebuild (see docs/dashboard.md).</p>
            </body></html>
            """,
            context.RequestAborted);
    }
}
