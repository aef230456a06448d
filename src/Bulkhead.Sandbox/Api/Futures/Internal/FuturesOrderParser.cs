using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>
/// Reads a <c>sendorder</c> (or a <c>batchorder</c> send) into a <see cref="FuturesOrderCommand"/>. A missing required
/// argument is a top-level <c>requiredArgumentMissing</c>, an unknown symbol <c>invalidArgument: symbol</c>; bad values
/// are order statuses as Kraken words them (<c>invalidOrderType</c>, <c>invalidSide</c>, <c>invalidSize</c>,
/// <c>invalidPrice</c>, <c>clientOrderIdTooLong</c>).
/// </summary>
internal static class FuturesOrderParser
{
    /// <summary>Kraken's longest <c>cliOrdId</c>.</summary>
    public const int MaxClientOrderIdLength = 100;

    /// <summary>Parses; exactly one of command, error (top-level) and status (order status word) is set.</summary>
    public static (FuturesOrderCommand? Command, string? Error, string? Status) Parse(string account, Func<string, string?> get)
    {
        if (FirstMissing(get, "orderType", "symbol", "side", "size") is not null)
        {
            return (null, KrakenErrors.FuturesRequiredArgumentMissing, null);
        }

        if (InstrumentCatalog.Find(get("symbol")!) is not { } spec)
        {
            return (null, $"{KrakenErrors.FuturesInvalidArgument}: symbol", null);
        }

        var reduceOnly = false;
        if (get("reduceOnly") is { } reduceText && !bool.TryParse(reduceText, out reduceOnly))
        {
            return (null, $"{KrakenErrors.FuturesInvalidArgument}: reduceOnly", null);
        }

        FuturesOrderKind? kind = get("orderType") switch
        {
            "lmt" => FuturesOrderKind.Limit,
            "post" => FuturesOrderKind.PostOnly,
            "mkt" => FuturesOrderKind.Market,
            "ioc" => FuturesOrderKind.ImmediateOrCancel,
            _ => null,
        };
        if (kind is null)
        {
            return (null, null, KrakenErrors.FuturesOrderInvalidOrderType);
        }

        Side? side = get("side")?.ToLowerInvariant() switch
        {
            "buy" => Side.Buy,
            "sell" => Side.Sell,
            _ => null,
        };
        if (side is null)
        {
            return (null, null, KrakenErrors.FuturesOrderInvalidSide);
        }

        if (!WireAmount.TryParsePositive(get("size"), out var size) || decimal.Round(size, spec.QuantityDecimals) != size)
        {
            return (null, null, KrakenErrors.FuturesOrderInvalidSize);
        }

        decimal? limit = null;
        if (kind != FuturesOrderKind.Market)
        {
            if (!WireAmount.TryParsePositive(get("limitPrice"), out var price) || decimal.Round(price / spec.TickSize) * spec.TickSize != price)
            {
                return (null, null, KrakenErrors.FuturesOrderInvalidPrice);
            }

            limit = price;
        }

        var clientId = get("cliOrdId");
        if (clientId is { Length: > MaxClientOrderIdLength })
        {
            return (null, null, KrakenErrors.FuturesOrderClientOrderIdTooLong);
        }

        return (new FuturesOrderCommand(account, spec.Symbol, side.Value, kind.Value, size, limit, reduceOnly, string.IsNullOrEmpty(clientId) ? null : clientId), null, null);
    }

    /// <summary>A JSON object's properties as strings: strings as they are, numbers and booleans as their JSON text.</summary>
    public static Func<string, string?> Getter(JsonElement element) => name =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string? FirstMissing(Func<string, string?> get, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (string.IsNullOrEmpty(get(name)))
            {
                return name;
            }
        }

        return null;
    }
}
