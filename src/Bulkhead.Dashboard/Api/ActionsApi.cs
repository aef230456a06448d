using System.Text.Json;
using Bulkhead.Runtime.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Dashboard.Api;

/// <summary>
/// Operators' actions over HTTP (the page's buttons and <c>bulkhead halt|resume|flatten|restart|kill</c>), all carried out
/// by the one <see cref="FleetOperator"/>: <c>POST /api/actions</c> <c>{ action, target, operator, source }</c> needs the
/// operator token (403 otherwise, nothing journaled) and a JSON body (a cross-site form cannot send one), answers
/// <c>202</c> with the journaled action (running) or <c>409</c> with it refused; <c>GET /api/actions[/ID]</c> shows the
/// journal (any role); <c>GET /api/session</c> tells the page what the request's token may do.
/// </summary>
internal static class ActionsApi
{
    public static IEndpointRouteBuilder MapActionsApi(this IEndpointRouteBuilder routes, FleetOperator? fleetOperator)
    {
        routes.MapGet("/api/session", (HttpContext context) => Results.Json(
            new { role = context.Role(), canAct = fleetOperator is not null && context.Role() == DashboardRole.Operator, actions = OperatorActions.All },
            DashboardJson.Documents));
        routes.MapGet("/api/actions", () => fleetOperator is null
            ? NoOperator()
            : Results.Json(new { actions = fleetOperator.Recent(50) }, DashboardJson.Documents));
        routes.MapGet("/api/actions/{id}", (string id) => fleetOperator?.Find(id) is { } action
            ? Results.Json(action, DashboardJson.Documents)
            : Results.Json(new { error = $"no action {id}" }, DashboardJson.Documents, statusCode: StatusCodes.Status404NotFound));
        routes.MapPost("/api/actions", async (HttpContext context) =>
        {
            if (fleetOperator is null)
            {
                return NoOperator();
            }

            if (context.Role() != DashboardRole.Operator)
            {
                return Error(StatusCodes.Status403Forbidden, "acting needs the operator token (--operator-token or BULKHEAD_OPERATOR_TOKEN of the supervisor): this token can only look");
            }

            if (!context.Request.HasJsonContentType())
            {
                return Error(StatusCodes.Status415UnsupportedMediaType, "send the action as JSON: Content-Type: application/json, {\"action\":\"halt\",\"target\":\"mm\",\"operator\":\"your name\"}");
            }

            ActionBody? body;
            try
            {
                body = await context.Request.ReadFromJsonAsync<ActionBody>(DashboardJson.Documents, context.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                return Error(StatusCodes.Status400BadRequest, $"the body is not an action: {e.Message}");
            }

            if (body is null || string.IsNullOrWhiteSpace(body.Action))
            {
                return Error(StatusCodes.Status400BadRequest, "the body needs an action: {\"action\":\"halt\",\"target\":\"mm\",\"operator\":\"your name\"}");
            }

            var from = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var source = $"{(string.IsNullOrWhiteSpace(body.Source) ? "dashboard" : body.Source.Trim())} from {from}";
            var submitted = fleetOperator.Submit(new OperatorRequest(body.Action, body.Target, body.Operator ?? string.Empty, source));
            return Results.Json(submitted.Started, DashboardJson.Documents,
                statusCode: submitted.Started.State == Fleet.Operations.OperatorActionState.Refused ? StatusCodes.Status409Conflict : StatusCodes.Status202Accepted);
        });
        return routes;
    }

    private static IResult NoOperator() =>
        Error(StatusCodes.Status404NotFound, "this dashboard runs without operator actions");

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, DashboardJson.Documents, statusCode: status);

    /// <summary>The body of <c>POST /api/actions</c>.</summary>
    private sealed record ActionBody(string? Action, string? Target, string? Operator, string? Source);
}
