using System.Globalization;
using Bulkhead.Dashboard.View;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Dashboard.Api;

/// <summary>
/// Contract D: <c>/api/fleet</c> and each of its parts on its own path. GET only, read-only, always 200 with what the
/// sources gave (a part that could not be read carries its <c>error</c>).
/// </summary>
internal static class FleetApi
{
    public static IEndpointRouteBuilder MapFleetApi(this IEndpointRouteBuilder routes, FleetView view)
    {
        routes.MapGet("/api/fleet", async (CancellationToken ct) => Json(await view.ComposeAsync(ct).ConfigureAwait(false)));
        routes.MapGet("/api/tree", async (CancellationToken ct) => Json((await view.ComposeAsync(ct).ConfigureAwait(false)).Tree));
        routes.MapGet("/api/balances", async (CancellationToken ct) => Json((await view.ComposeAsync(ct).ConfigureAwait(false)).Balances));
        routes.MapGet("/api/pnl", async (CancellationToken ct) => Json((await view.ComposeAsync(ct).ConfigureAwait(false)).Pnl));
        routes.MapGet("/api/equity", async (string? since, CancellationToken ct) =>
        {
            if (since is null)
            {
                return Json(await view.EquityAsync(null, ct).ConfigureAwait(false));
            }

            return DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from)
                ? Json(await view.EquityAsync(from, ct).ConfigureAwait(false))
                : Results.Json(new { error = $"since={since} is not a time: give an ISO-8601 time, e.g. 2026-11-26T14:00:00Z" }, DashboardJson.Documents, statusCode: StatusCodes.Status400BadRequest);
        });
        routes.MapGet("/api/fees", async (CancellationToken ct) => Json((await view.ComposeAsync(ct).ConfigureAwait(false)).Fees));
        routes.MapGet("/api/margin", async (CancellationToken ct) => Json((await view.ComposeAsync(ct).ConfigureAwait(false)).Margin));
        routes.MapGet("/api/audit", async (CancellationToken ct) => Json((await view.ComposeAsync(ct).ConfigureAwait(false)).Audit));
        routes.MapGet("/api/treasury", async (CancellationToken ct) => Json((await view.ComposeAsync(ct).ConfigureAwait(false)).Treasury));
        routes.MapGet("/api/operations", async (CancellationToken ct) => Json((await view.ComposeAsync(ct).ConfigureAwait(false)).Operations));
        routes.MapGet("/api/alerts", async (CancellationToken ct) => Json((await view.ComposeAsync(ct).ConfigureAwait(false)).Alerts));
        return routes;
    }

    private static IResult Json<T>(T document) => Results.Json(document, DashboardJson.Documents);
}
