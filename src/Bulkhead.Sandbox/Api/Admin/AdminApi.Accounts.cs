using Bulkhead.Sandbox.Api.Admin.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bulkhead.Sandbox.Api.Admin;

public static partial class AdminApi
{
    private static void MapAccounts(RouteGroupBuilder admin)
    {
        admin.MapPost("/accounts", CreateAccountAsync);
        admin.MapGet("/accounts", (HttpContext http) =>
        {
            var exchange = Exchange(http);
            return AdminViews.Ok(exchange.Accounts.Select(a => AdminViews.Account(a, exchange)).ToArray());
        });
        admin.MapGet("/accounts/{name}", (HttpContext http, string name) =>
        {
            var exchange = Exchange(http);
            return exchange.FindAccount(name) is { } account
                ? AdminViews.Ok(AdminViews.Account(account, exchange))
                : UnknownAccount(name);
        });
        admin.MapPut("/accounts/{name}/volume", SetVolumeAsync);
    }

    private static async Task<IResult> CreateAccountAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (body, problem) = await AdminBody.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return AdminViews.Error(StatusCodes.Status400BadRequest, problem!);
        }

        var name = body.String("name", required: true);
        var master = body.String("master", required: false);
        if (body.Problem is not null)
        {
            return AdminViews.Error(StatusCodes.Status400BadRequest, body.Problem);
        }

        var exchange = Exchange(http);
        var created = exchange.CreateAccount(name!, master);
        if (!created.Success)
        {
            return AdminViews.Refused(created.Rejection.Value, created.Detail);
        }

        return AdminViews.Ok(new
        {
            name = created.Value.Name,
            master = created.Value.Master,
            iiban = created.Value.Iiban,
            futuresUid = created.Value.FuturesUid,
        });
    }

    private static async Task<IResult> SetVolumeAsync(HttpContext http, string name, CancellationToken cancellationToken)
    {
        var (body, problem) = await AdminBody.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return AdminViews.Error(StatusCodes.Status400BadRequest, problem!);
        }

        var volume = body.Decimal("volumeUsd30d", required: true);
        if (body.Problem is not null)
        {
            return AdminViews.Error(StatusCodes.Status400BadRequest, body.Problem);
        }

        var exchange = Exchange(http);
        var updated = exchange.SetVolume(name, volume!.Value);
        return updated.Success ? AdminViews.Ok(AdminViews.Account(updated.Value, exchange)) : AdminViews.Refused(updated.Rejection.Value, updated.Detail);
    }

    private static SandboxExchange Exchange(HttpContext http) => http.RequestServices.GetRequiredService<SandboxExchange>();

    private static IResult UnknownAccount(string name) =>
        AdminViews.Error(StatusCodes.Status404NotFound, $"account '{name}' does not exist; create it with POST /admin/accounts");
}
