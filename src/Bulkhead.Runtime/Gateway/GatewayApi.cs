using Bulkhead.Kraken.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Runtime.Gateway;

/// <summary>The gateway's routes: Kraken's Spot and Futures REST paths, exactly as the exchange serves them.</summary>
internal static class GatewayApi
{
    private static readonly string[] Verbs = ["GET", "POST", "PUT", "DELETE"];

    public static void MapGatewayApi(this IEndpointRouteBuilder routes, GatewayRelay relay)
    {
        routes.MapMethods("/0/public/{method}", Verbs, (HttpContext context, string method) => relay.SpotPublicAsync(context, method));
        routes.MapPost("/0/private/{method}", (HttpContext context, string method) => relay.SpotPrivateAsync(context, method));
        routes.MapMethods("/derivatives/{**rest}", Verbs, relay.FuturesAsync);
        routes.MapMethods("/api/{**rest}", Verbs, relay.FuturesAsync);
        routes.MapFallback((HttpContext context) =>
            GatewayAnswers.SpotAsync(context, KrakenErrors.UnknownMethod, "not a Kraken REST path this gateway serves", StatusCodes.Status404NotFound));
    }
}
