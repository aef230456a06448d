using Bulkhead.Sandbox.Api.Admin.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Sandbox.Api.Admin;

/// <summary>
/// The admin API under <c>/admin/</c> (not Kraken's): provisioning accounts, keys and deposits, faults, and views for
/// tests. JSON in and out (camelCase, amounts as strings), <c>Authorization: Bearer TOKEN</c> on every call; refusals
/// are 4xx with <c>{"error": "…"}</c>. Routes are listed in docs/sandbox.md. Partial files by area.
/// </summary>
public static partial class AdminApi
{
    /// <summary>Maps the admin routes. Needs <see cref="AdminToken"/> and <see cref="SandboxExchange"/> registered.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var admin = routes.MapGroup("/admin");
        admin.AddEndpointFilter(GuardAsync);
        MapAccounts(admin);
        MapKeys(admin);
        MapFunds(admin);
        MapOperations(admin);
        admin.Map("/{**rest}", (HttpContext http) => AdminViews.Error(StatusCodes.Status404NotFound, $"no admin route {http.Request.Method} {http.Request.Path}; see docs/sandbox.md for the routes"));
        return routes;
    }

    /// <summary>Checks the bearer token (constant time), then runs the handler; a bug becomes a logged 500 without a stack trace.</summary>
    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminApi).FullName!);
        var token = http.RequestServices.GetRequiredService<AdminToken>();
        var header = http.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) || !token.Matches(header[Bearer.Length..].Trim()))
        {
            AdminLog.Unauthorized(logger, http.Request.Method, http.Request.Path);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return AdminViews.Error(StatusCodes.Status401Unauthorized, "send the admin token as 'Authorization: Bearer TOKEN'; it is --admin-token or the file DATA/admin.token");
        }

        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            return AdminViews.Error(e.StatusCode, $"bad request: {e.Message}");
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The request boundary: log the bug, answer without a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            AdminLog.Failed(logger, e, http.Request.Method, http.Request.Path);
            return AdminViews.Error(StatusCodes.Status500InternalServerError, "internal error in the sandbox (a bug); see the sandbox's log");
        }
    }
}
