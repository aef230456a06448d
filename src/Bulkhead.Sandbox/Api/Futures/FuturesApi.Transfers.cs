using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Sandbox.Api.Futures;

public static partial class FuturesApi
{
    private const string EmailDomain = "@sandbox.bulkhead.invalid";

    private static void MapTransfers(RouteGroupBuilder v3)
    {
        v3.MapPost("transfer", Handler(context => PrivateAsync(context, FuturesScope.Full, Cost("transfer"), WalletTransfer)));
        v3.MapPost("transfer/subaccount", Handler(context => PrivateAsync(context, FuturesScope.Full, Cost("transfer/subaccount"), SubaccountTransfer)));
        v3.MapPost("withdrawal", Handler(context => PrivateAsync(context, FuturesScope.Withdraw, Cost("withdrawal"), Withdrawal)));
    }

    /// <summary><c>POST /transfer</c>: between the <c>cash</c> and <c>flex</c> wallets of the key's own account.</summary>
    private static IResult WalletTransfer(FuturesCall call)
    {
        var r = call.Request;
        if (FuturesArguments.Missing(r, "fromAccount", "toAccount", "unit", "amount") is not null)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesRequiredArgumentMissing);
        }

        var name = call.Account.Name;
        return Move(call, name, r["fromAccount"], name, r["toAccount"]);
    }

    /// <summary>
    /// <c>POST /transfer/subaccount</c>: master ↔ subaccount and subaccount ↔ subaccount of one master, any wallet to any
    /// wallet. <c>fromUser</c>/<c>toUser</c> name an account by its Futures UID (as <c>/subaccounts</c> lists it), its
    /// sandbox name, or the e-mail <c>/subaccounts</c> shows. Only a master's key may call it (UNCONFIRMED: a subaccount
    /// key gets <c>authenticationError</c>); a user outside the master's family is <c>invalidArgument: fromUser|toUser</c>.
    /// </summary>
    private static IResult SubaccountTransfer(FuturesCall call)
    {
        var r = call.Request;
        if (FuturesArguments.Missing(r, "fromUser", "toUser", "fromAccount", "toAccount", "unit", "amount") is not null)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesRequiredArgumentMissing);
        }

        var master = call.Account;
        if (!master.IsMaster)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesAuthenticationError);
        }

        if (User(call, r["fromUser"]!) is not { } from)
        {
            return FuturesWire.Error(call.Time, $"{KrakenErrors.FuturesInvalidArgument}: fromUser");
        }

        if (User(call, r["toUser"]!) is not { } to)
        {
            return FuturesWire.Error(call.Time, $"{KrakenErrors.FuturesInvalidArgument}: toUser");
        }

        return Move(call, from.Name, r["fromAccount"], to.Name, r["toAccount"]);
    }

    /// <summary>
    /// <c>POST /withdrawal</c>: from a Futures wallet (<c>sourceWallet</c>, default <c>cash</c>) to the same account's
    /// Spot wallet, as Kraken's current endpoint does. Refused from a subaccount with <c>Unavailable</c> (Kraken's
    /// documented failure of this endpoint; subaccounts cannot withdraw, futures.md §5.6), with no state change.
    /// </summary>
    private static IResult Withdrawal(FuturesCall call)
    {
        var r = call.Request;
        if (FuturesArguments.Missing(r, "currency", "amount") is not null)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesRequiredArgumentMissing);
        }

        if (FuturesWallets.Parse(r["sourceWallet"] ?? "cash") is not { } source)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesInvalidAccount);
        }

        if (FuturesArguments.Unit(r["currency"]) is not { } asset)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesInvalidUnit);
        }

        if (FuturesArguments.Amount(r["amount"], asset) is not { } amount)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesInvalidAmount);
        }

        var account = call.Account;
        if (!account.IsMaster)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesUnavailable);
        }

        var moved = call.Exchange.Transfer(account.Name, source, account.Name, Wallet.Spot, asset.Id, amount);
        return moved.Success
            ? FuturesWire.Success(call.Time, new JsonObject { ["uid"] = moved.Value })
            : FuturesWire.Error(call.Time, FuturesArguments.Error(moved.Rejection.Value));
    }

    /// <summary>Validates wallets, unit and amount, then books one balanced transfer.</summary>
    private static IResult Move(FuturesCall call, string fromAccount, string? fromWallet, string toAccount, string? toWallet)
    {
        var r = call.Request;
        if (FuturesWallets.Parse(fromWallet) is not { } from || FuturesWallets.Parse(toWallet) is not { } to
            || (fromAccount == toAccount && from == to))
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesInvalidAccount);
        }

        if (FuturesArguments.Unit(r["unit"]) is not { } asset)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesInvalidUnit);
        }

        if (FuturesArguments.Amount(r["amount"], asset) is not { } amount)
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesInvalidAmount);
        }

        var moved = call.Exchange.Transfer(fromAccount, from, toAccount, to, asset.Id, amount);
        return moved.Success
            ? FuturesWire.Success(call.Time)
            : FuturesWire.Error(call.Time, FuturesArguments.Error(moved.Rejection.Value));
    }

    /// <summary>The caller (a master) or one of its subaccounts, by Futures UID, name or sandbox e-mail; null otherwise.</summary>
    private static SandboxAccount? User(FuturesCall call, string text)
    {
        var master = call.Account;
        var account = Guid.TryParse(text, out var uid)
            ? call.Exchange.FindAccountByFuturesUid(uid)
            : call.Exchange.FindAccount(text.EndsWith(EmailDomain, StringComparison.OrdinalIgnoreCase) ? text[..^EmailDomain.Length] : text);
        return account is not null && (account.Name == master.Name || account.Master == master.Name) ? account : null;
    }
}
