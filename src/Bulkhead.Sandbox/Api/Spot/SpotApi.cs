using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>Kraken's Spot REST surface: <c>/0/public/*</c> and <c>/0/private/*</c>.</summary>
public static class SpotApi
{
    /// <summary>Maps the Spot routes.</summary>
    public static IEndpointRouteBuilder MapSpotApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes;
    }
}
