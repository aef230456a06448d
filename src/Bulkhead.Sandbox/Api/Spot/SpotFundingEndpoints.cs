using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>
/// Money movement and account endpoints: <c>CreateSubaccount</c>, <c>AccountTransfer</c>, <c>Withdraw</c>,
/// <c>WalletTransfer</c>, <c>GetWebSocketsToken</c>. Master-only and permission rules are enforced by the pipeline
/// before these run; what is left here is argument checking and the domain's own refusals.
/// </summary>
internal static class SpotFundingEndpoints
{
    private const string SpotWallet = "Spot Wallet";
    private const string FuturesWallet = "Futures Wallet";

    public static SpotAnswer CreateSubaccount(SpotCall call)
    {
        var username = call.Parameters["username"];
        var email = call.Parameters["email"];
        if (string.IsNullOrEmpty(username))
        {
            return KrakenErrors.InvalidArguments + ":username";
        }

        if (email is not { Length: >= 3 and <= 254 } || !email.Contains('@', StringComparison.Ordinal))
        {
            return KrakenErrors.InvalidArguments + ":email";
        }

        var created = call.Exchange.CreateAccount(username, call.Account.Name);
        return created.Success ? SpotAnswer.Ok(w => w.WriteBooleanValue(true)) : KrakenErrors.InvalidArguments + ":username";
    }

    public static SpotAnswer AccountTransfer(SpotCall call)
    {
        var p = call.Parameters;
        if (p["asset"] is not { Length: > 0 } assetName)
        {
            return KrakenErrors.InvalidArguments + ":asset";
        }

        if (AssetCatalog.Find(assetName) is not { } asset)
        {
            return KrakenErrors.FundingUnknownAsset;
        }

        if (!SpotParameters.TryAmount(p["amount"], out var amount))
        {
            return KrakenErrors.FundingInvalidAmount;
        }

        if (p["from"] is not { Length: > 0 } fromIiban || call.Exchange.FindAccountByIiban(fromIiban) is not { } from)
        {
            return KrakenErrors.InvalidArguments + ":from";
        }

        if (p["to"] is not { Length: > 0 } toIiban || call.Exchange.FindAccountByIiban(toIiban) is not { } to)
        {
            return KrakenErrors.InvalidArguments + ":to";
        }

        // Only within the caller's own family: its master account and that master's subaccounts.
        var master = call.Account.Name;
        if (!InFamily(from, master) || !InFamily(to, master) || from.Name == to.Name)
        {
            return KrakenErrors.PermissionDenied;
        }

        var moved = call.Exchange.Transfer(from.Name, Wallet.Spot, to.Name, Wallet.Spot, asset.Id, amount);
        if (!moved.Success)
        {
            return Funding(moved.Rejection.Value);
        }

        var refId = moved.Value;
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("transfer_id", refId);
            w.WriteString("status", "complete");
            w.WriteEndObject();
        });
    }

    public static SpotAnswer Withdraw(SpotCall call)
    {
        // Subaccounts cannot withdraw; Kraken's exact string is UNCONFIRMED (spot.md §4): EGeneral:Permission denied.
        if (!call.Account.IsMaster)
        {
            return KrakenErrors.PermissionDenied;
        }

        var p = call.Parameters;
        if (p["asset"] is not { Length: > 0 } assetName || AssetCatalog.Find(assetName) is not { } asset)
        {
            return KrakenErrors.FundingUnknownAsset;
        }

        // Any non-empty withdrawal key name is accepted: the sandbox has no address book.
        if (string.IsNullOrWhiteSpace(p["key"]))
        {
            return KrakenErrors.FundingUnknownWithdrawKey;
        }

        if (!SpotParameters.TryAmount(p["amount"], out var amount))
        {
            return KrakenErrors.FundingInvalidAmount;
        }

        var result = call.Exchange.Withdraw(call.Account.Name, Wallet.Spot, asset.Id, amount);
        return RefId(result);
    }

    public static SpotAnswer WalletTransfer(SpotCall call)
    {
        var p = call.Parameters;
        if (p["asset"] is not { Length: > 0 } assetName || AssetCatalog.Find(assetName) is not { } asset)
        {
            return KrakenErrors.FundingUnknownAsset;
        }

        if (p["from"] != SpotWallet)
        {
            return KrakenErrors.InvalidArguments + ":from";
        }

        if (p["to"] != FuturesWallet)
        {
            return KrakenErrors.InvalidArguments + ":to";
        }

        if (!SpotParameters.TryAmount(p["amount"], out var amount))
        {
            return KrakenErrors.FundingInvalidAmount;
        }

        // Spot → the Futures holding (cash) wallet, where Kraken credits transfers from Spot.
        var result = call.Exchange.Transfer(call.Account.Name, Wallet.Spot, call.Account.Name, Wallet.FuturesCash, asset.Id, amount);
        return RefId(result);
    }

    public static SpotAnswer GetWebSocketsToken(SpotCall call)
    {
        var token = call.Exchange.Tokens.Issue(call.Key);
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("token", token);
            w.WriteNumber("expires", 900);
            w.WriteEndObject();
        });
    }

    private static bool InFamily(Accounts.SandboxAccount account, string master) =>
        account.Name == master || account.Master == master;

    private static SpotAnswer RefId(SandboxResult<string> result)
    {
        if (!result.Success)
        {
            return Funding(result.Rejection.Value);
        }

        var refId = result.Value;
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("refid", refId);
            w.WriteEndObject();
        });
    }

    private static string Funding(SandboxRejection rejection) => rejection switch
    {
        SandboxRejection.UnknownAsset => KrakenErrors.FundingUnknownAsset,
        SandboxRejection.InvalidAmount => KrakenErrors.FundingInvalidAmount,
        SandboxRejection.InsufficientFunds => KrakenErrors.FundingInsufficientFunds,
        SandboxRejection.NotMaster or SandboxRejection.NotLinked => KrakenErrors.PermissionDenied,
        _ => KrakenErrors.InvalidArguments,
    };
}
