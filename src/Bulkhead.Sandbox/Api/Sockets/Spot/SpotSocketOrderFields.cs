using System.Globalization;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Spot;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets.Spot;

/// <summary>
/// The one mapping from Spot WebSocket v2 order fields to the domain: an <c>add_order</c> (or one <c>batch_add</c> order)
/// is read by REST's <see cref="SpotOrderArguments"/> through a renaming of its fields (<c>order_qty</c> → <c>volume</c>,
/// <c>post_only</c>/<c>fee_preference</c>/<c>no_mpp</c> → <c>oflags</c>, …), so both wire formats share every rule,
/// and REST's error strings are answered with the WebSocket field names (<c>EGeneral:Invalid arguments:order_qty</c>).
/// </summary>
internal static class SpotSocketOrderFields
{
    /// <summary>The fields of <c>add_order</c>.</summary>
    public static readonly string[] AddOrder =
    [
        "order_type", "side", "order_qty", "symbol", "limit_price", "time_in_force", "expire_time", "post_only", "reduce_only",
        "margin", "cl_ord_id", "order_userref", "stp_type", "validate", "deadline", "fee_preference", "no_mpp", "token",
    ];

    /// <summary>The fields of one <c>batch_add</c> order (the batch carries <c>symbol</c>, <c>validate</c>, <c>deadline</c>, <c>token</c>).</summary>
    public static readonly string[] BatchOrder =
    [
        "order_type", "side", "order_qty", "limit_price", "time_in_force", "expire_time", "post_only", "reduce_only",
        "margin", "cl_ord_id", "order_userref", "stp_type", "fee_preference", "no_mpp",
    ];

    private static readonly Dictionary<string, string> RestToSocket = new(StringComparer.Ordinal)
    {
        ["pair"] = "symbol",
        ["type"] = "side",
        ["ordertype"] = "order_type",
        ["volume"] = "order_qty",
        ["price"] = "limit_price",
        ["oflags"] = "fee_preference",
        ["timeinforce"] = "time_in_force",
        ["expiretm"] = "expire_time",
        ["userref"] = "order_userref",
        ["stptype"] = "stp_type",
    };

    /// <summary>Reads one order of <paramref name="account"/> on <paramref name="symbol"/> (<c>BTC/USD</c>); the request or the error to answer.</summary>
    public static (SandboxOrderRequest? Request, SandboxPair? Pair, string? Error) Parse(string account, JsonElement order, string? symbol, bool validate, TimeProvider time)
    {
        if (symbol is null)
        {
            return Fail(SocketErrors.InvalidField("params.symbol"));
        }

        if (SocketInstrument.Find(symbol, unified: false) is not { } instrument)
        {
            return Fail(SocketErrors.PairNotSupported(symbol));
        }

        var flags = new List<string>(3);
        foreach (var name in (ReadOnlySpan<string>)["post_only", "reduce_only", "margin", "no_mpp"])
        {
            if (!TryFlag(order, name, out var on))
            {
                return Fail(KrakenErrors.InvalidArguments + ":" + name);
            }

            switch (name)
            {
                case "post_only" when on: flags.Add("post"); break;
                case "no_mpp" when on: flags.Add("nompp"); break;
                case "reduce_only" when on: return Fail(KrakenErrors.InvalidArguments + ":reduce_only");
                case "margin" when on: return Fail(KrakenErrors.CannotOpenPosition);
            }
        }

        switch (Text(order, "fee_preference"))
        {
            case null: break;
            case "base": flags.Add("fcib"); break;
            case "quote": flags.Add("fciq"); break;
            default: return Fail(KrakenErrors.InvalidArguments + ":fee_preference");
        }

        string? expiry = null;
        if (Text(order, "expire_time") is { } expireText)
        {
            expiry = TryTime(expireText, out var at)
                ? (at.ToUnixTimeMilliseconds() / 1000m).ToString(CultureInfo.InvariantCulture)
                : "invalid";
        }

        var (request, pair, error) = SpotOrderArguments.Parse(account, name => name switch
        {
            "pair" => instrument.Id,
            "type" => Text(order, "side"),
            "ordertype" => Text(order, "order_type"),
            "volume" => Text(order, "order_qty"),
            "price" => Text(order, "limit_price"),
            "oflags" => string.Join(',', flags),
            "timeinforce" => Text(order, "time_in_force") is { } tif ? tif.ToUpperInvariant() : null,
            "expiretm" => expiry,
            "userref" => Text(order, "order_userref"),
            "cl_ord_id" => Text(order, "cl_ord_id"),
            "stptype" => Text(order, "stp_type")?.Replace('_', '-'),
            "validate" => validate ? "true" : null,
            _ => null,
        }, time);
        return error is null ? (request, pair, null) : Fail(Rename(error));
    }

    /// <summary>A REST error string with REST's field name replaced by the WebSocket one.</summary>
    public static string Rename(string error)
    {
        var prefix = KrakenErrors.InvalidArguments + ":";
        return error.StartsWith(prefix, StringComparison.Ordinal) && RestToSocket.TryGetValue(error[prefix.Length..], out var name)
            ? prefix + name
            : error;
    }

    /// <summary>The domain's refusal as the WebSocket answers it (REST's string, WebSocket field names).</summary>
    public static string Error(SandboxRejection rejection, string? detail, SandboxPair? pair) => Rename(SpotOrderWire.Error(rejection, detail, pair));

    /// <summary>
    /// Checks <c>deadline</c> (RFC 3339, at most 60 s ahead): null when absent or not passed, else the error to answer
    /// (<c>EService:Deadline elapsed</c> once it has passed).
    /// </summary>
    public static string? Deadline(JsonElement fields, TimeProvider time)
    {
        if (Text(fields, "deadline") is not { } text)
        {
            return null;
        }

        if (!TryTime(text, out var deadline))
        {
            return KrakenErrors.InvalidArguments + ":deadline";
        }

        var now = time.GetUtcNow();
        return deadline < now ? KrakenErrors.DeadlineElapsed
            : deadline > now + TimeSpan.FromSeconds(60) ? KrakenErrors.InvalidArguments + ":deadline"
            : null;
    }

    /// <summary>A member as text: a string as is, a number as written, a boolean as <c>true</c>/<c>false</c>; null when absent or null.</summary>
    public static string? Text(JsonElement fields, string name)
    {
        if (fields.ValueKind != JsonValueKind.Object || !fields.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.GetRawText(),
        };
    }

    /// <summary>The first member of <paramref name="fields"/> not in <paramref name="allowed"/>, or null.</summary>
    public static string? Unsupported(JsonElement fields, IReadOnlyCollection<string> allowed)
    {
        foreach (var property in fields.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                return property.Name;
            }
        }

        return null;
    }

    private static bool TryFlag(JsonElement fields, string name, out bool on)
    {
        on = false;
        if (!fields.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        on = value.GetBoolean();
        return true;
    }

    private static bool TryTime(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    private static (SandboxOrderRequest?, SandboxPair?, string?) Fail(string error) => (null, null, error);
}
