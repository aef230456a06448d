using Bulkhead.Dashboard.View;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Dashboard.Api;

/// <summary>Contract D: <c>/api/fleet</c> and each of its parts on its own path. GET only, read-only, always 200 with what the sources gave.</summary>
internal static class FleetApi
{
    public static IEndpointRouteBuilder MapFleetApi(this IEndpointRouteBuilder routes, FleetView view)
    {
        routes.MapGet("/api/fleet", () => Results.Json(view.Compose(), DashboardJson.Documents));
        routes.MapGet("/api/tree", () => Results.Json(view.Compose().Tree, DashboardJson.Documents));
        routes.MapGet("/api/balances", () => Results.Json(view.Compose().Balances, DashboardJson.Documents));
        routes.MapGet("/api/pnl", () => Results.Json(view.Compose().Pnl, DashboardJson.Documents));
        routes.MapGet("/api/equity", () => Results.Json(view.Compose().Equity, DashboardJson.Documents));
        routes.MapGet("/api/fees", () => Results.Json(view.Compose().Fees, DashboardJson.Documents));
        routes.MapGet("/api/margin", () => Results.Json(view.Compose().Margin, DashboardJson.Documents));
        routes.MapGet("/api/audit", () => Results.Json(view.Compose().Audit, DashboardJson.Documents));
        routes.MapGet("/api/treasury", () => Results.Json(view.Compose().Treasury, DashboardJson.Documents));
        return routes;
    }
}
