using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Limits;
using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Bulkhead.Sandbox.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Sandbox.Api.Futures;

public static partial class FuturesApi
{
    private static void MapAccounts(RouteGroupBuilder v3)
    {
        v3.MapGet("accounts", Handler(context => PrivateAsync(context, FuturesScope.ReadOnly, Cost("accounts"), Accounts)));

        v3.MapGet("openpositions", Handler(context => PrivateAsync(context, FuturesScope.ReadOnly, Cost("openpositions"), OpenPositions)));
        v3.MapGet("openorders", Handler(context => PrivateAsync(context, FuturesScope.ReadOnly, Cost("openorders"), OpenOrders)));
        v3.MapGet("fills", Handler(context => PrivateAsync(context, FuturesScope.ReadOnly, r => FuturesLimits.FillsCost(r["lastFillTime"] is not null), Fills)));
        v3.MapGet("notifications", Handler(context => PrivateAsync(context, FuturesScope.ReadOnly, Cost("notifications"), call => Empty(call, "notifications"))));

        v3.MapGet("subaccounts", Handler(context => PrivateAsync(context, FuturesScope.ReadOnly, Cost("subaccounts"), Subaccounts)));
        v3.MapGet("subaccount/{uid}/trading-enabled", (HttpContext context, string uid) =>
            PrivateAsync(context, FuturesScope.Full, Cost("subaccount/x/trading-enabled"), call => TradingEnabled(call, uid, set: false)));
        v3.MapPut("subaccount/{uid}/trading-enabled", (HttpContext context, string uid) =>
            PrivateAsync(context, FuturesScope.Full, Cost("subaccount/x/trading-enabled"), call => TradingEnabled(call, uid, set: true)));
    }

    private static IResult Empty(FuturesCall call, string list) => FuturesWire.Success(call.Time, new JsonObject { [list] = new JsonArray() });

    private static IResult Accounts(FuturesCall call)
    {
        var name = call.Account.Name;
        return FuturesWire.Success(call.Time, new JsonObject
        {
            ["accounts"] = new JsonObject
            {
                ["cash"] = FuturesWallets.Cash(call.Exchange, name),
                ["flex"] = FuturesWallets.Flex(call.Exchange, name, asArray: false),
            },
        });
    }

    /// <summary>
    /// A master key lists its subaccounts (futures.md §5.1). A subaccount's key gets its own UID as <c>masterAccountUid</c>
    /// and an empty list: a subaccount has no subaccounts (UNCONFIRMED what Kraken answers there).
    /// </summary>
    private static IResult Subaccounts(FuturesCall call)
    {
        var caller = call.Account;
        var subaccounts = caller.IsMaster ? call.Exchange.Subaccounts(caller.Name) : [];
        return FuturesWire.Success(call.Time, new JsonObject
        {
            ["masterAccountUid"] = caller.FuturesUid.ToString(),
            ["subaccounts"] = new JsonArray([.. subaccounts.Select(s => (JsonNode)new JsonObject
            {
                ["accountUid"] = s.FuturesUid.ToString(),
                ["email"] = Email(s),
                ["fullName"] = s.Name,
                ["holdingAccounts"] = FuturesWallets.Holdings(call.Exchange, s.Name),
                ["futuresAccounts"] = new JsonArray(),
                ["flexAccount"] = FuturesWallets.Flex(call.Exchange, s.Name, asArray: true),
            })]),
        });
    }

    /// <summary>
    /// The subaccount trading switch: only for a subaccount of the caller's (master) account, else 404 with
    /// <c>notFound</c>. Answers <c>tradingEnabled</c> inside the usual envelope (the spec shows the bare field; extra
    /// fields are harmless to clients).
    /// </summary>
    private static IResult TradingEnabled(FuturesCall call, string uid, bool set)
    {
        if (!Guid.TryParse(uid, out var id) || call.Exchange.FindAccountByFuturesUid(id) is not { } target || target.Master != call.Account.Name)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesNotFound, StatusCodes.Status404NotFound);
        }

        if (set)
        {
            var text = call.Request["tradingEnabled"];
            if (text is null)
            {
                return FuturesWire.Error(call.Time, KrakenErrors.FuturesRequiredArgumentMissing);
            }

            if (!bool.TryParse(text, out var value))
            {
                return FuturesWire.Error(call.Time, $"{KrakenErrors.FuturesInvalidArgument}: tradingEnabled");
            }

            var updated = call.Exchange.SetFuturesTradingEnabled(target.Name, value);
            if (!updated.Success)
            {
                return FuturesWire.Error(call.Time, KrakenErrors.FuturesNotFound, StatusCodes.Status404NotFound);
            }

            target = updated.Value;
        }

        return FuturesWire.Success(call.Time, new JsonObject { ["tradingEnabled"] = target.FuturesTradingEnabled });
    }

    /// <summary>The sandbox's stand-in for a subaccount's e-mail address (also accepted as <c>fromUser</c>/<c>toUser</c>).</summary>
    private static string Email(SandboxAccount account) => account.Name + EmailDomain;
}
