using Bulkhead.Sandbox.Api.Edge.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Sandbox.Api.Edge;

/// <summary>
/// The sandbox's edge: every well-formed HTTP request gets its API family's error shape, never a 500 from a bad request
/// and never an empty body. <see cref="UseSandboxEdge"/> turns escaped exceptions and empty-bodied error statuses into
/// the family's answer and refuses CONNECT; <see cref="MapUnmatched"/> answers what no route serves. Upgrade requests
/// (WebSockets) pass through untouched. Requests Kestrel rejects while parsing (bad request line, headers, framing)
/// never reach the application: Kestrel answers those itself, without a body (docs/sandbox.md).
/// </summary>
public static class SandboxEdge
{
    /// <summary>Adds the edge middleware. Call before the routes are mapped, so it wraps every endpoint.</summary>
    public static IApplicationBuilder UseSandboxEdge(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = EdgeAnswers.ExceptionAsync, AllowStatusCode404Response = true });
        app.UseStatusCodePages(context => EdgeAnswers.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode));
        app.Use(GateAsync);
        return app;
    }

    /// <summary>
    /// Maps the fallback endpoint: a request no route matches (any path, any method) gets its family's "unknown" answer.
    /// A fallback has the lowest precedence, so every mapped route, WebSocket routes included, wins over it.
    /// </summary>
    public static IEndpointRouteBuilder MapUnmatched(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapFallback("{**path}", context => EdgeAnswers.WriteAsync(context, StatusCodes.Status404NotFound));
        return routes;
    }

    private static Task GateAsync(HttpContext context, RequestDelegate next)
    {
        var extendedConnect = context.Features.Get<IHttpExtendedConnectFeature>()?.IsExtendedConnect == true;
        if (HttpMethods.IsConnect(context.Request.Method) && !extendedConnect)
        {
            return EdgeAnswers.WriteAsync(context, StatusCodes.Status405MethodNotAllowed);
        }

        if (extendedConnect || context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true)
        {
            // An upgrade (WebSocket) belongs to whatever serves it: the edge adds no body to its refusals.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
        }

        return next(context);
    }
}
