using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Dashboard.Api;

/// <summary>
/// The page: <c>GET /</c> (index.html), <c>/app.js</c> and <c>/app.css</c>, from the resources <c>wwwroot/&lt;file&gt;</c>
/// that web/Dashboard.Web.targets embeds in this assembly at build time (no file next to the binary, no CDN).
/// </summary>
internal static class PageApi
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The page's files as embedded, by name.</summary>
    /// <exception cref="InvalidOperationException">The assembly was built without its page.</exception>
    public static FrozenDictionary<string, byte[]> Files { get; } = Load();

    public static IEndpointRouteBuilder MapPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => File("index.html"));
        routes.MapGet("/index.html", () => File("index.html"));
        routes.MapGet("/app.js", () => File("app.js"));
        routes.MapGet("/app.css", () => File("app.css"));
        return routes;
    }

    private static PageFile File(string name) => new(Files[name], Types[name]);

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(PageApi).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in Types.Keys)
        {
            using var stream = assembly.GetManifestResourceStream("wwwroot/" + name)
                ?? throw new InvalidOperationException($"Bulkhead.Dashboard was built without its page (resource wwwroot/{name}): build it with node and npm installed");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[name] = buffer.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>One file with the page's headers: revalidated on every load (a rebuilt bundle is picked up at once), CSP, nosniff.</summary>
    private sealed class PageFile(byte[] body, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = contentType;
            response.ContentLength = body.Length;
            response.Headers.CacheControl = "no-cache";
            response.Headers.ContentSecurityPolicy = Policy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }
}
