using System.Globalization;
using System.Text.Json;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Microsoft.AspNetCore.Http;

namespace Bulkhead.Sandbox.Api.Admin.Internal;

/// <summary>The admin API's JSON shapes (camelCase, decimals as invariant strings, times ISO 8601) and its error answers.</summary>
internal static class AdminViews
{
    // Relaxed escaping: base64 secrets keep their "+" (this is a JSON API, never embedded in HTML).
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok(object value) => Results.Json(value, Json, statusCode: StatusCodes.Status200OK);

    public static IResult Error(int status, string message) => Results.Json(new { error = message }, Json, statusCode: status);

    public static IResult Refused(SandboxRejection rejection, string detail) => Error(
        rejection switch
        {
            SandboxRejection.UnknownAccount or SandboxRejection.UnknownKey => StatusCodes.Status404NotFound,
            SandboxRejection.AccountExists => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        },
        detail);

    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string? Text(DateTimeOffset? value) => value?.ToString("O", CultureInfo.InvariantCulture);

    public static string WalletName(Wallet wallet) => wallet switch
    {
        Wallet.Spot => "spot",
        Wallet.FuturesCash => "futuresCash",
        _ => "futuresFlex",
    };

    /// <summary>
    /// <c>spot</c>; <c>futures</c> is the Futures multi-collateral (flex) wallet, where Kraken keeps collateral and ccxt's
    /// <c>fetchBalance</c> reads; <c>futuresCash</c> / <c>futures-cash</c> the Futures cash (holding) wallet.
    /// </summary>
    public static bool TryParseWallet(string? text, out Wallet wallet)
    {
        wallet = Wallet.Spot;
        switch (text?.ToLowerInvariant())
        {
            case null or "spot":
                return true;
            case "futures" or "flex" or "futuresflex" or "futures-flex":
                wallet = Wallet.FuturesFlex;
                return true;
            case "cash" or "futurescash" or "futures-cash":
                wallet = Wallet.FuturesCash;
                return true;
            default:
                return false;
        }
    }

    public static string WalletProblem(string field, string? text) =>
        $"'{field}' is '{text}'; use \"spot\", \"futures\" (the Futures flex/collateral wallet) or \"futures-cash\"";

    public static object Account(SandboxAccount account, SandboxExchange exchange) => new
    {
        name = account.Name,
        master = account.Master,
        iiban = account.Iiban,
        futuresUid = account.FuturesUid,
        createdAt = Text(account.CreatedAt),
        futuresTradingEnabled = account.FuturesTradingEnabled,
        volumeUsd30d = Text(account.VolumeUsd30d),
        balances = Enum.GetValues<Wallet>().ToDictionary(
            WalletName,
            w => exchange.Balances(account.Name, w).ToDictionary(b => b.Key, b => Text(b.Value), StringComparer.Ordinal),
            StringComparer.Ordinal),
    };

    public static object Key(SandboxApiKey key) => new
    {
        key = key.Key,
        account = key.Account,
        venue = key.Venue == KeyVenue.Spot ? "spot" : "futures",
        permissions = key.Venue == KeyVenue.Spot ? SpotPermissions.All.Where(p => key.Permissions.HasFlag(p.Permission)).Select(p => p.Name).ToArray() : [],
        futures = key.Venue == KeyVenue.Futures ? FuturesAccessName(key.FuturesAccess) : null,
        withdraw = key.Venue == KeyVenue.Futures ? key.FuturesWithdraw : (bool?)null,
        nonceWindow = key.NonceWindow,
        ipAllowlist = key.IpAllowlist.Select(n => n.ToString()).ToArray(),
        expiresAt = Text(key.ExpiresAt),
        queryStart = Text(key.QueryStart),
        queryEnd = Text(key.QueryEnd),
        createdAt = Text(key.CreatedAt),
        revokedAt = Text(key.RevokedAt),
    };

    public static object Entry(LedgerEntry entry) => new
    {
        id = entry.Id,
        refid = entry.RefId,
        sequence = entry.Sequence,
        time = Text(entry.Time),
        account = entry.Account,
        wallet = WalletName(entry.Wallet),
        asset = entry.Asset,
        amount = Text(entry.Amount),
        fee = Text(entry.Fee),
        balance = Text(entry.Balance),
        type = entry.Type.ToString().ToLowerInvariant(),
    };

    public static string FuturesAccessName(FuturesAccess access) => access switch
    {
        FuturesAccess.Full => "full",
        FuturesAccess.ReadOnly => "read-only",
        _ => "none",
    };
}
