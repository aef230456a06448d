using System.Text.Json;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// The common part of a market channel's subscribe and unsubscribe (<c>ticker</c>, <c>book</c>, <c>trade</c>, <c>ohlc</c>,
/// <c>level3</c>): <c>params</c> may hold only the channel's fields, <c>symbol</c> is a non-empty string array, the
/// Unified endpoints require <c>asset_class: "derivatives"</c>; each symbol gets its own ack or error.
/// </summary>
internal static class MarketSubscription
{
    private static readonly string[] Common = ["channel", "symbol", "snapshot", "req_id"];

    /// <summary>
    /// Validates the request; on success the symbols as sent, else null (the error is answered). <paramref name="fields"/>
    /// are the channel's own fields besides <c>channel</c>, <c>symbol</c>, <c>snapshot</c> (and <c>asset_class</c>, <c>token</c>).
    /// </summary>
    public static IReadOnlyList<string>? Symbols(SocketCall call, params ReadOnlySpan<string> fields)
    {
        Span<string> allowed = [.. Common, .. fields, "asset_class", "token"];
        if (!Validate(call, allowed))
        {
            return null;
        }

        var symbols = call.Strings("symbol", out var valid);
        if (!valid || symbols is null)
        {
            call.Fail(SocketErrors.InvalidField("params.symbol"));
            return null;
        }

        return symbols;
    }

    /// <summary>
    /// The checks every market request makes before its own fields: <c>params</c> present with only
    /// <paramref name="allowed"/> members, and <c>asset_class: "derivatives"</c> on the Unified endpoints (absent on Spot);
    /// false after answering the error.
    /// </summary>
    public static bool Validate(SocketCall call, ReadOnlySpan<string> allowed)
    {
        if (!call.CheckParams(allowed))
        {
            return false;
        }

        if (call.Connection.IsUnified)
        {
            var assetClass = call.String("asset_class", out var ok);
            if (!ok || assetClass != "derivatives")
            {
                call.Fail(assetClass is null && ok ? SocketErrors.InvalidField("params.asset_class") : SocketErrors.UnsupportedField("asset_class"));
                return false;
            }
        }
        else if (call.Has("asset_class"))
        {
            call.Fail(SocketErrors.UnsupportedField("asset_class"));
            return false;
        }

        return true;
    }

    /// <summary>
    /// The <c>depth</c> param of a book channel: one of <paramref name="allowed"/>, <paramref name="fallback"/> when absent;
    /// null after answering <c>Invalid 'params.depth'</c>.
    /// </summary>
    public static int? Depth(SocketCall call, ReadOnlySpan<long> allowed, int fallback)
    {
        var depth = call.Integer("depth", out var ok) ?? fallback;
        if (ok && allowed.Contains(depth))
        {
            return (int)depth;
        }

        call.Fail(SocketErrors.InvalidField("params.depth"));
        return null;
    }

    /// <summary>The instrument of <paramref name="symbol"/> on this connection's endpoint; null after answering <c>Currency pair not supported</c>.</summary>
    public static SocketInstrument? Resolve(SocketCall call, string symbol)
    {
        if (SocketInstrument.Find(symbol, call.Connection.IsUnified) is { } instrument)
        {
            return instrument;
        }

        call.Fail(SocketErrors.PairNotSupported(symbol));
        return null;
    }

    /// <summary>One ack: <c>result {channel, …, snapshot, symbol}</c>; <paramref name="extra"/> writes the channel's own echoed fields.</summary>
    public static void Ack(SocketCall call, string channel, string symbol, bool? snapshot, Action<Utf8JsonWriter>? extra = null) =>
        call.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("channel", channel);
            extra?.Invoke(w);
            if (snapshot is { } s)
            {
                w.WriteBoolean("snapshot", s);
            }

            w.WriteString("symbol", symbol);
            w.WriteEndObject();
        });

    /// <summary>
    /// The common unsubscribe loop: per symbol, ends the connection's subscription <paramref name="key"/> gives for it and
    /// acks (with <paramref name="extra"/> echoed), or answers <c>Subscription Not Found</c>.
    /// </summary>
    public static void Unsubscribe(SocketCall call, string channel, IEnumerable<string> symbols, Func<string, string> key, Action<Utf8JsonWriter>? extra = null)
    {
        foreach (var symbol in symbols)
        {
            if (call.Connection.RemoveSubscription(key(symbol)))
            {
                Ack(call, channel, symbol, null, extra);
            }
            else
            {
                NotSubscribed(call, channel, symbol);
            }
        }
    }

    /// <summary>The error answer of an unsubscribe for something not subscribed.</summary>
    public static void NotSubscribed(SocketCall call, string channel, string symbol) => Fail(call, SocketErrors.SubscriptionNotFound, channel, symbol);

    /// <summary>The error answer of a second identical subscribe.</summary>
    public static void AlreadySubscribed(SocketCall call, string channel, string symbol) => Fail(call, SocketErrors.AlreadySubscribed, channel, symbol);

    private static void Fail(SocketCall call, string error, string channel, string symbol) =>
        call.Fail(error, w =>
        {
            w.WriteStartObject();
            w.WriteString("channel", channel);
            w.WriteString("symbol", symbol);
            w.WriteEndObject();
        });
}
