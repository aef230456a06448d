using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// The WebSocket routes on the sandbox's HTTP port: Spot v2 public <c>/v2</c> and private <c>/auth/v2</c> (clients that
/// append <c>v2</c> to a base address work with bases <c>…/</c> and <c>…/auth/</c>), Unified public <c>/v2/public</c>
/// and private <c>/v2/private</c>. A plain HTTP request on them gets 426 with a JSON error; an address over its
/// connection limit gets 429.
/// </summary>
public static class SocketApi
{
    /// <summary>The paths, by endpoint.</summary>
    public static IReadOnlyDictionary<SocketEndpoint, string> Paths { get; } = new Dictionary<SocketEndpoint, string>
    {
        [SocketEndpoint.SpotPublic] = "/v2",
        [SocketEndpoint.SpotPrivate] = "/auth/v2",
        [SocketEndpoint.UnifiedPublic] = "/v2/public",
        [SocketEndpoint.UnifiedPrivate] = "/v2/private",
    };

    /// <summary>Maps the four WebSocket routes (the app must <c>UseWebSockets()</c> before routing).</summary>
    public static IEndpointRouteBuilder MapSocketApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        foreach (var (endpoint, path) in Paths)
        {
            routes.Map(path, context => AcceptAsync(context, endpoint));
        }

        return routes;
    }

    private static async Task AcceptAsync(HttpContext context, SocketEndpoint endpoint)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, StatusCodes.Status426UpgradeRequired, "WebSocket upgrade required").ConfigureAwait(false);
            return;
        }

        var hub = context.RequestServices.GetRequiredService<SocketHub>();
        var remote = context.Connection.RemoteIpAddress;
        if (!hub.TryReserve(remote))
        {
            await RefuseAsync(context, StatusCodes.Status429TooManyRequests, "Too many connections from this address").ConfigureAwait(false);
            return;
        }

        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await hub.RunAsync(socket, endpoint, remote, context.RequestAborted).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
            // The handshake or the connection broke: nothing left to answer.
        }
        finally
        {
            hub.Release(remote);
        }
    }

    private static async Task RefuseAsync(HttpContext context, int status, string error)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"error":"{{error}}","success":false}""");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
