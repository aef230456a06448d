namespace Bulkhead.Kraken.Errors;

/// <summary>
/// The protocol-level error strings of Kraken's WebSocket v2 and Unified WebSocket (websocket.md §8), used by the sandbox
/// to emit them and by the client to recognise them. Unlike REST, a v2 error is one string in the response's
/// <c>error</c> field; exchange outcomes (<c>EOrder:…</c>, <c>EAPI:Invalid token</c>) come from <see cref="KrakenErrors"/>.
/// </summary>
public static class SocketErrors
{
    /// <summary>A field the method does not take: <c>Unsupported field: '&lt;name&gt;'</c>.</summary>
    public static string UnsupportedField(string name) => $"Unsupported field: '{name}'";

    /// <summary>A symbol the channel or method does not list: <c>Currency pair not supported &lt;SYM&gt;</c>.</summary>
    public static string PairNotSupported(string symbol) => $"Currency pair not supported {symbol}";

    /// <summary>A required field is missing or has the wrong type (pattern of Kraken's <c>Unknown '&lt;json path&gt;'</c>).</summary>
    public static string InvalidField(string path) => $"Invalid '{path}'";

    /// <summary>A channel name the endpoint does not serve.</summary>
    public const string SubscriptionNameInvalid = "Subscription name invalid";

    /// <summary>A second identical subscription on one connection.</summary>
    public const string AlreadySubscribed = "Already subscribed";

    /// <summary>An unsubscribe for something not subscribed.</summary>
    public const string SubscriptionNotFound = "Subscription Not Found";

    /// <summary>A method name the endpoint does not serve.</summary>
    public const string MethodNotFound = "Method not found";

    /// <summary>A frame that is not a JSON object with a string <c>method</c>.</summary>
    public const string InvalidRequest = "Malformed request";

    /// <summary>A binary frame (the v2 protocol is text only).</summary>
    public const string BinaryNotSupported = "Binary frames are not supported";

    /// <summary>A frame larger than the server reads.</summary>
    public const string FrameTooLarge = "Message too large";

    /// <summary>The per-connection message rate was exceeded (third-party report of Kraken's string).</summary>
    public const string ExceededMessageRate = "Exceeded msg rate";

    /// <summary>A second <c>positions</c> subscription on one Unified connection.</summary>
    public const string AlreadySubscribedPositions = "Already subscribed to positions channel";

    /// <summary>A second <c>margin</c> subscription on one Unified connection.</summary>
    public const string AlreadySubscribedMargin = "Already subscribed to margin channel";

    /// <summary><c>snapshot</c> sent with a <c>margin</c> subscription.</summary>
    public const string MarginSnapshotInvalid = "'params.snapshot' is not valid for the margin channel";

    /// <summary>A JSON path naming something the server does not know (Kraken's pattern <c>Unknown '&lt;json path&gt;'</c>).</summary>
    public static string Unknown(string path) => $"Unknown '{path}'";

    /// <summary>A field the Unified endpoint takes for Spot only (<c>order_userref</c>).</summary>
    public static string NotAvailableForDerivatives(string path) => $"'{path}' is not available for derivatives (use 'cl_ord_id' instead)";

    /// <summary><c>positions</c> with <c>snapshot</c> and <c>with_margin</c> both true.</summary>
    public const string PositionsSnapshotWithMargin = "'params.snapshot' is not valid together with 'params.with_margin'";

    /// <summary><c>set_preference</c> with a leverage the market does not allow.</summary>
    public const string LeverageOutOfRange = "Leverage is outside the permitted range for this market";
}
