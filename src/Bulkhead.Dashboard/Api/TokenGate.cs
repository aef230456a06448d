using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bulkhead.Dashboard.Api;

/// <summary>
/// The access token, when one is set: a request passes with <c>Authorization: Bearer TOKEN</c>, with the cookie a first
/// <c>?token=TOKEN</c> sets (HttpOnly, SameSite=Strict: the page and its event stream then need nothing more), or with
/// <c>?token=TOKEN</c> itself — a page request carrying it is redirected to the same path without it, so the token does
/// not stay in the address bar or the history. Anything else gets 401. Tokens are compared as SHA-256 digests in constant
/// time (no length or prefix leaks) and never written anywhere.
/// </summary>
internal static class TokenGate
{
    public const string CookieName = "bulkhead-dashboard";

    public static IApplicationBuilder UseTokenGate(this IApplicationBuilder app, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return app;
        }

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (Matches(expected, Bearer(request)) || Matches(expected, request.Cookies[CookieName]))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            if (Matches(expected, request.Query["token"].ToString()))
            {
                context.Response.Cookies.Append(CookieName, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
                if (!request.Path.StartsWithSegments("/api", StringComparison.Ordinal) && HttpMethods.IsGet(request.Method))
                {
                    context.Response.Redirect(request.PathBase + request.Path + Without(request.QueryString, "token"));
                    return;
                }

                await next(context).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"bulkhead-dashboard\"";
            await context.Response.WriteAsJsonAsync(
                new { error = "this dashboard needs its access token: send Authorization: Bearer TOKEN, or open the page once as /?token=TOKEN (the token is --dashboard-token or BULKHEAD_DASHBOARD_TOKEN of the process serving it)" },
                context.RequestAborted).ConfigureAwait(false);
        });
    }

    private static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;

    private static bool Matches(byte[] expected, string? given) =>
        !string.IsNullOrEmpty(given) && CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    private static string Without(QueryString query, string name)
    {
        var kept = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.Value)
            .Where(p => !string.Equals(p.Key, name, StringComparison.Ordinal))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryString.Create(kept).ToUriComponent();
    }
}
