using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bulkhead.Dashboard.Api;

/// <summary>
/// The access tokens and the role they give. The operator token (when set) makes a request an operator's: it may act.
/// The dashboard token (when set) is needed to look at all; without one, anyone who reaches the (loopback) address looks.
/// A token comes as <c>Authorization: Bearer TOKEN</c>, as the cookie a first <c>?token=TOKEN</c> sets (HttpOnly,
/// SameSite=Strict: the page and its event stream then need nothing more), or as <c>?token=TOKEN</c> itself — a page
/// request carrying it is redirected to the same path without it, so the token does not stay in the address bar or the
/// history. A wrong token is refused with 401 when the dashboard token is set. Tokens are compared as SHA-256 digests
/// in constant time (no length or prefix leaks) and never written anywhere.
/// </summary>
internal static class TokenGate
{
    public const string CookieName = "bulkhead-dashboard";

    public static IApplicationBuilder UseTokenGate(this IApplicationBuilder app, string? token, string? operatorToken)
    {
        var viewer = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var @operator = string.IsNullOrEmpty(operatorToken) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(operatorToken));
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            foreach (var given in (string?[])[Bearer(request), request.Cookies[CookieName]])
            {
                if (RoleOf(given, viewer, @operator) is { } role)
                {
                    context.SetRole(role);
                    await next(context).ConfigureAwait(false);
                    return;
                }
            }

            var query = request.Query["token"].ToString();
            if (RoleOf(query, viewer, @operator) is { } queried)
            {
                context.SetRole(queried);
                context.Response.Cookies.Append(CookieName, query, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
                if (!request.Path.StartsWithSegments("/api", StringComparison.Ordinal) && HttpMethods.IsGet(request.Method))
                {
                    context.Response.Redirect(request.PathBase + request.Path + Without(request.QueryString, "token"));
                    return;
                }

                await next(context).ConfigureAwait(false);
                return;
            }

            if (viewer is null)
            {
                context.SetRole(DashboardRole.Viewer);
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

    private static DashboardRole? RoleOf(string? given, byte[]? viewer, byte[]? @operator) =>
        Matches(@operator, given) ? DashboardRole.Operator : Matches(viewer, given) ? DashboardRole.Viewer : null;

    private static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;

    private static bool Matches(byte[]? expected, string? given) =>
        expected is not null && !string.IsNullOrEmpty(given) && CryptographicOperations.FixedTimeEquals(expected, SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    private static string Without(QueryString query, string name)
    {
        var kept = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.Value)
            .Where(p => !string.Equals(p.Key, name, StringComparison.Ordinal))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryString.Create(kept).ToUriComponent();
    }
}
