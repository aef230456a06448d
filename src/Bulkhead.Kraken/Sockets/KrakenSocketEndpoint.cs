namespace Bulkhead.Kraken.Sockets;

/// <summary>
/// Where a socket connects and what it speaks there: one of Kraken's four v2 endpoints, or the same paths on a server
/// that serves them all on one host (the sandbox: <c>/v2</c>, <c>/auth/v2</c>, <c>/v2/public</c>, <c>/v2/private</c>).
/// </summary>
/// <param name="Url">The <c>ws://</c> or <c>wss://</c> address.</param>
/// <param name="Protocol">Spot v2 or Unified.</param>
/// <param name="IsPrivate">True for the authenticated endpoints: private channels and trading, every request carries a token.</param>
public sealed record KrakenSocketEndpoint(Uri Url, SocketProtocol Protocol, bool IsPrivate)
{
    /// <summary>Kraken's Spot v2 public endpoint.</summary>
    public static KrakenSocketEndpoint SpotPublic { get; } = new(new Uri("wss://ws.kraken.com/v2"), SocketProtocol.SpotV2, false);

    /// <summary>Kraken's Spot v2 authenticated endpoint.</summary>
    public static KrakenSocketEndpoint SpotPrivate { get; } = new(new Uri("wss://ws-auth.kraken.com/v2"), SocketProtocol.SpotV2, true);

    /// <summary>Kraken's Unified public endpoint.</summary>
    public static KrakenSocketEndpoint UnifiedPublic { get; } = new(new Uri("wss://uws.kraken.com/v2/public"), SocketProtocol.Unified, false);

    /// <summary>Kraken's Unified private endpoint.</summary>
    public static KrakenSocketEndpoint UnifiedPrivate { get; } = new(new Uri("wss://uws.kraken.com/v2/private"), SocketProtocol.Unified, true);

    /// <summary>
    /// The endpoint on a server that serves all four on one host, by Kraken's paths: <c>/v2</c> and <c>/auth/v2</c> (Spot),
    /// <c>/v2/public</c> and <c>/v2/private</c> (Unified). <paramref name="server"/> may be its <c>http(s)://</c> base
    /// address (the REST one) or a <c>ws(s)://</c> one.
    /// </summary>
    public static KrakenSocketEndpoint OnServer(Uri server, SocketProtocol protocol, bool isPrivate)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (!server.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{server}' is not an absolute address.", nameof(server));
        }

        var scheme = server.Scheme switch
        {
            "http" or "ws" => "ws",
            "https" or "wss" => "wss",
            _ => throw new ArgumentException($"'{server}' is not an http(s) or ws(s) address.", nameof(server)),
        };
        var path = (protocol, isPrivate) switch
        {
            (SocketProtocol.SpotV2, false) => "v2",
            (SocketProtocol.SpotV2, true) => "auth/v2",
            (_, false) => "v2/public",
            _ => "v2/private",
        };
        var root = new UriBuilder(server) { Scheme = scheme, Path = server.AbsolutePath.TrimEnd('/') + "/" + path, Query = string.Empty };
        return new KrakenSocketEndpoint(root.Uri, protocol, isPrivate);
    }

    /// <summary>The venue name the call journal records: <c>spot-ws</c> or <c>unified-ws</c>.</summary>
    public string JournalVenue => Protocol == SocketProtocol.SpotV2 ? "spot-ws" : "unified-ws";
}
