using System.Globalization;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>
/// Reads AddOrder's parameters (also one order of AddOrderBatch) into a <see cref="SandboxOrderRequest"/>, or the Kraken
/// error for the first bad one. Only market and limit orders trade in the sandbox; the other Kraken order types answer
/// <c>EGeneral:Invalid arguments:ordertype</c>.
/// </summary>
internal static class SpotOrderArguments
{
    public static (SandboxOrderRequest? Request, SandboxPair? Pair, string? Error) Parse(string account, Func<string, string?> get, TimeProvider time)
    {
        if (get("pair") is not { Length: > 0 } pairName)
        {
            return Fail(KrakenErrors.InvalidArguments + ":pair");
        }

        if (PairCatalog.Find(pairName) is not { } pair)
        {
            return Fail(KrakenErrors.UnknownAssetPair);
        }

        Side side;
        switch (get("type"))
        {
            case "buy": side = Side.Buy; break;
            case "sell": side = Side.Sell; break;
            default: return Fail(KrakenErrors.InvalidArguments + ":type");
        }

        OrderKind kind;
        switch (get("ordertype"))
        {
            case "limit": kind = OrderKind.Limit; break;
            case "market": kind = OrderKind.Market; break;
            default: return Fail(KrakenErrors.InvalidArguments + ":ordertype");
        }

        if (!SpotParameters.TryAmount(get("volume"), out var volume))
        {
            return Fail(KrakenErrors.InvalidArguments + ":volume");
        }

        decimal? price = null;
        if (kind == OrderKind.Limit)
        {
            if (!SpotParameters.TryAmount(get("price"), out var limit))
            {
                return Fail(KrakenErrors.InvalidArguments + ":price");
            }

            price = limit;
        }

        if (!TryConditions(get("oflags"), out var flags, out var flagError))
        {
            return Fail(flagError);
        }

        var tif = TimeInForce.GoodTillCancelled;
        DateTimeOffset? expires = null;
        switch (get("timeinforce"))
        {
            case null or "" or "GTC": break;
            case "IOC": tif = TimeInForce.ImmediateOrCancel; break;
            case "GTD":
                if (!TryExpiry(get("expiretm"), time, out var at))
                {
                    return Fail(KrakenErrors.InvalidArguments + ":expiretm");
                }

                expires = at;
                break;
            default: return Fail(KrakenErrors.InvalidArguments + ":timeinforce");
        }

        long? userref = null;
        if (get("userref") is { Length: > 0 } userrefText)
        {
            if (!int.TryParse(userrefText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var u))
            {
                return Fail(KrakenErrors.InvalidArguments + ":userref");
            }

            userref = u;
        }

        var clientId = get("cl_ord_id");
        if (clientId is not null && (clientId.Length is 0 or > 64 || clientId.Any(char.IsControl)))
        {
            return Fail(KrakenErrors.InvalidArguments + ":cl_ord_id");
        }

        var stp = SelfTradePrevention.CancelNewest;
        switch (get("stptype"))
        {
            case null or "" or "cancel-newest": break;
            case "cancel-oldest": stp = SelfTradePrevention.CancelOldest; break;
            case "cancel-both": stp = SelfTradePrevention.CancelBoth; break;
            default: return Fail(KrakenErrors.InvalidArguments + ":stptype");
        }

        if (get("leverage") is { Length: > 0 } leverage && leverage != "none")
        {
            return Fail(KrakenErrors.CannotOpenPosition);
        }

        var validate = get("validate") is "true" or "1";
        var request = new SandboxOrderRequest(account, TradingVenue.Spot, pair.Id, side, kind, volume, price, tif, expires, flags, stp, ReduceOnly: false, userref, clientId, validate);
        return (request, pair, null);
    }

    /// <summary>Kraken's <c>oflags</c>: a comma list of post, fcib, fciq, nompp, viqc (viqc is refused: the sandbox takes volumes in the base).</summary>
    public static bool TryConditions(string? text, out SandboxOrderConditions flags, out string error)
    {
        flags = SandboxOrderConditions.None;
        error = string.Empty;
        foreach (var name in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (name)
            {
                case "post": flags |= SandboxOrderConditions.PostOnly; break;
                case "fcib": flags |= SandboxOrderConditions.FeeInBase; break;
                case "fciq": flags |= SandboxOrderConditions.FeeInQuote; break;
                case "nompp": flags |= SandboxOrderConditions.NoMarketPriceProtection; break;
                case "viqc":
                    error = KrakenErrors.InvalidArguments + ":viqc";
                    return false;
                default:
                    error = KrakenErrors.InvalidArguments + ":oflags";
                    return false;
            }
        }

        if (flags.HasFlag(SandboxOrderConditions.FeeInBase) && flags.HasFlag(SandboxOrderConditions.FeeInQuote))
        {
            error = KrakenErrors.InvalidArguments + ":oflags";
            return false;
        }

        return true;
    }

    /// <summary>Kraken's <c>expiretm</c>: Unix seconds, or <c>+N</c> seconds from now.</summary>
    private static bool TryExpiry(string? text, TimeProvider time, out DateTimeOffset at)
    {
        at = default;
        if (text is { Length: > 1 } && text[0] == '+')
        {
            if (!int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return false;
            }

            at = time.GetUtcNow().AddSeconds(seconds);
            return true;
        }

        return SpotParameters.TryUnixTime(text, out at);
    }

    private static (SandboxOrderRequest?, SandboxPair?, string?) Fail(string error) => (null, null, error);
}
