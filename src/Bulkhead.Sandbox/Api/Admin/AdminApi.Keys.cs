using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Api.Admin.Internal;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bulkhead.Sandbox.Api.Admin;

public static partial class AdminApi
{
    private static void MapKeys(RouteGroupBuilder admin)
    {
        admin.MapPost("/keys", CreateKeyAsync);
        MapKeyCalls(admin);
        admin.MapGet("/keys", (HttpContext http, string? account) =>
        {
            var exchange = Exchange(http);
            if (account is not null && exchange.FindAccount(account) is null)
            {
                return UnknownAccount(account);
            }

            return AdminViews.Ok(exchange.Keys(account).Select(AdminViews.Key).ToArray());
        });
        // Keys are base64 ('/' and '+'): callers URL-encode them, and routing leaves %2F encoded, so decode here.
        admin.MapDelete("/keys/{key}", (HttpContext http, string key) =>
        {
            key = Uri.UnescapeDataString(key);
            var revoked = Exchange(http).RevokeKey(key);
            return revoked.Success
                ? AdminViews.Ok(AdminViews.Key(revoked.Value))
                : AdminViews.Error(StatusCodes.Status404NotFound, "no such key; list keys with GET /admin/keys");
        });
        admin.MapGet("/keys/{key}/stats", (HttpContext http, string key) =>
        {
            key = Uri.UnescapeDataString(key);
            var exchange = Exchange(http);
            if (exchange.FindKey(key) is null)
            {
                return AdminViews.Error(StatusCodes.Status404NotFound, "no such key; list keys with GET /admin/keys");
            }

            var stats = http.RequestServices.GetService<IKeyActivity>()?.Stats(key)
                ?? new KeyStats(0, 0, new Dictionary<string, long>(), exchange.NonceHighWater(key), null);
            return AdminViews.Ok(new
            {
                key,
                requests = stats.Requests,
                succeeded = stats.Succeeded,
                failuresByKind = stats.FailuresByKind,
                nonceHighWater = Math.Max(stats.NonceHighWater, exchange.NonceHighWater(key)),
                lockedUntil = AdminViews.Text(stats.LockedUntil),
            });
        });
    }

    private static void MapKeyCalls(RouteGroupBuilder admin) =>
        admin.MapGet("/keys/{key}/calls", (HttpContext http, string key) =>
        {
            key = Uri.UnescapeDataString(key);
            if (Exchange(http).FindKey(key) is null)
            {
                return AdminViews.Error(StatusCodes.Status404NotFound, "no such key; list keys with GET /admin/keys");
            }

            var calls = http.RequestServices.GetService<IKeyActivity>()?.Calls(key) ?? [];
            return AdminViews.Ok(calls.Select(c => new { at = AdminViews.Text(c.At), address = c.Address, path = c.Path, nonce = c.Nonce, outcome = c.Outcome }).ToArray());
        });

    private static async Task<IResult> CreateKeyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (body, problem) = await AdminBody.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return AdminViews.Error(StatusCodes.Status400BadRequest, problem!);
        }

        var account = body.String("account", required: true);
        var permissionNames = body.Strings("permissions") ?? [];
        var futures = body.String("futures", required: false);
        var withdraw = body.Boolean("withdraw");
        var nonceWindow = body.Integer("nonceWindow", 0, long.MaxValue) ?? 0;
        var ips = body.Strings("ipAllowlist") ?? [];
        var expiresAt = body.Time("expiresAt");
        var queryStart = body.Time("queryStart");
        var queryEnd = body.Time("queryEnd");
        if (body.Problem is not null)
        {
            return AdminViews.Error(StatusCodes.Status400BadRequest, body.Problem);
        }

        var permissions = SpotPermission.None;
        foreach (var name in permissionNames)
        {
            if (!SpotPermissions.TryParse(name, out var permission))
            {
                return AdminViews.Error(StatusCodes.Status400BadRequest,
                    $"unknown permission '{name}'; Kraken's names (exact case): {string.Join(", ", SpotPermissions.All.Select(p => $"\"{p.Name}\""))}");
            }

            permissions |= permission;
        }

        var venue = futures is not null || withdraw is not null ? KeyVenue.Futures : KeyVenue.Spot;
        var access = FuturesAccess.None;
        if (venue == KeyVenue.Futures)
        {
            switch (futures?.ToLowerInvariant())
            {
                case "full":
                    access = FuturesAccess.Full;
                    break;
                case "read-only" or "readonly":
                    access = FuturesAccess.ReadOnly;
                    break;
                case null or "none":
                    break;
                default:
                    return AdminViews.Error(StatusCodes.Status400BadRequest, $"'futures' is '{futures}'; use \"full\", \"read-only\" or \"none\"");
            }
        }

        var spec = new KeySpec(account!, venue, permissions, access, withdraw ?? false, nonceWindow, ips, expiresAt, queryStart, queryEnd);
        var created = Exchange(http).CreateKey(spec);
        if (!created.Success)
        {
            return created.Rejection == SandboxRejection.UnknownAccount
                ? UnknownAccount(account!)
                : AdminViews.Refused(created.Rejection.Value, created.Detail);
        }

        return AdminViews.Ok(new
        {
            key = created.Value.Key.Key,
            secret = created.Value.SecretBase64,
            account = created.Value.Key.Account,
            venue = venue == KeyVenue.Spot ? "spot" : "futures",
        });
    }
}
