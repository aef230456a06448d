using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Assets;

namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>Reading transfer arguments into domain values, each refusal as Kraken's Futures error string.</summary>
internal static class FuturesArguments
{
    /// <summary>The first of <paramref name="names"/> that is missing or empty, if any.</summary>
    public static string? Missing(FuturesRequest request, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (string.IsNullOrEmpty(request[name]))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>An asset by Futures currency (<c>xbt</c>), altname or id; null → <c>invalidUnit</c>.</summary>
    public static SandboxAsset? Unit(string? text) => text is null ? null : AssetCatalog.Find(text);

    /// <summary>
    /// A positive plain decimal (digits and one point; no sign, exponent, spaces or thousands separators) with at most the
    /// asset's decimals; anything else → <c>invalidAmount</c>.
    /// </summary>
    public static decimal? Amount(string? text, SandboxAsset asset)
    {
        if (!WireAmount.TryParsePositive(text, out var amount) || decimal.Round(amount, asset.Decimals) != amount)
        {
            return null;
        }

        return amount;
    }

    /// <summary>The domain's refusal as a Futures error string.</summary>
    public static string Error(SandboxRejection rejection) => rejection switch
    {
        SandboxRejection.InsufficientFunds => KrakenErrors.FuturesInsufficientFunds,
        SandboxRejection.InvalidAmount => KrakenErrors.FuturesInvalidAmount,
        SandboxRejection.UnknownAsset => KrakenErrors.FuturesInvalidUnit,
        SandboxRejection.UnknownAccount or SandboxRejection.NotLinked => KrakenErrors.FuturesInvalidAccount,
        SandboxRejection.NotMaster => KrakenErrors.FuturesUnavailable,
        _ => KrakenErrors.FuturesInvalidArgument,
    };
}
