using Bulkhead.Runtime.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Dashboard.Api;

/// <summary>
/// <c>GET /metrics</c>: the fleet's metrics in Prometheus' text format (<see cref="PrometheusText"/>), collected on each
/// scrape from the supervisor and the dashboard's view (the same composition the page shows). Behind the dashboard's
/// token like everything else (Prometheus: <c>authorization: { credentials: TOKEN }</c>).
/// </summary>
internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder routes, FleetMetrics metrics)
    {
        routes.MapGet("/metrics", async (CancellationToken ct) =>
            Results.Text(PrometheusText.Write(await metrics.CollectAsync(ct).ConfigureAwait(false)), PrometheusText.ContentType));
        return routes;
    }
}
