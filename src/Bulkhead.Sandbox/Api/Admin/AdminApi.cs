using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Sandbox.Api.Admin;

/// <summary>The admin API under <c>/admin/</c> (not Kraken's): provisioning accounts, keys and deposits.</summary>
public static class AdminApi
{
    /// <summary>Maps the admin routes.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes;
    }
}
