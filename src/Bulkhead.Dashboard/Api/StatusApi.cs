using Bulkhead.Runtime.Supervisor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Dashboard.Api;

/// <summary>
/// <c>GET /api/status</c> → <c>{ fleet, environment, time, processes: [ProcessStatus…] }</c>: the supervisor's snapshot as
/// it is (Contract S), unchanged from the CLI's first status API. Read-only, key names only.
/// </summary>
internal static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder routes, string fleet, FleetSupervisor supervisor, TimeProvider time)
    {
        routes.MapGet("/api/status", () => Results.Json(
            new { fleet, environment = supervisor.Environment, time = time.GetUtcNow(), processes = supervisor.Snapshot() }, DashboardJson.Status));
        return routes;
    }
}
