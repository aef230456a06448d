using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Sandbox.Api.Futures;

/// <summary>Kraken's Futures REST surface: <c>/derivatives/api/v3/*</c> and <c>/api/history/*</c>.</summary>
public static class FuturesApi
{
    /// <summary>Maps the Futures routes.</summary>
    public static IEndpointRouteBuilder MapFuturesApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes;
    }
}
