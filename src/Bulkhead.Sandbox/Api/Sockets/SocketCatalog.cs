using Bulkhead.Sandbox.Events;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// Which channels and methods each endpoint serves — the one table of the WebSocket surface. Channel instances own their
/// feed state; those that publish market data implement <see cref="IMarketFeed"/>, those that follow accounts
/// <see cref="IExchangeListener"/>, and the hub drives them.
/// </summary>
internal sealed class SocketCatalog
{
    private readonly Dictionary<(SocketEndpoint, string), ISocketChannel> _channels = [];
    private readonly Dictionary<(SocketEndpoint, string), SocketMethod> _methods = [];

    public SocketCatalog(SocketHub hub)
    {
        var spotTrade = new Channels.TradeChannel(hub, unified: false);
        var unifiedTrade = new Channels.TradeChannel(hub, unified: true);
        Add([SocketEndpoint.SpotPublic, SocketEndpoint.SpotPrivate], spotTrade);
        Add([SocketEndpoint.UnifiedPublic, SocketEndpoint.UnifiedPrivate], unifiedTrade);
        Add([SocketEndpoint.SpotPublic, SocketEndpoint.SpotPrivate], new Channels.BookChannel(hub, unified: false));
        Add([SocketEndpoint.UnifiedPublic, SocketEndpoint.UnifiedPrivate], new Channels.BookChannel(hub, unified: true));
        Add([SocketEndpoint.SpotPublic, SocketEndpoint.SpotPrivate], new Channels.TickerChannel(hub, unified: false));
        Add([SocketEndpoint.UnifiedPublic, SocketEndpoint.UnifiedPrivate], new Channels.TickerChannel(hub, unified: true));
        Add([SocketEndpoint.SpotPublic, SocketEndpoint.SpotPrivate], new Channels.OhlcChannel(hub, unified: false));
        Add([SocketEndpoint.UnifiedPublic, SocketEndpoint.UnifiedPrivate], new Channels.OhlcChannel(hub, unified: true));
        Add([SocketEndpoint.SpotPublic, SocketEndpoint.SpotPrivate], new Channels.InstrumentChannel(unified: false));
        Add([SocketEndpoint.UnifiedPublic, SocketEndpoint.UnifiedPrivate], new Channels.InstrumentChannel(unified: true));
        MarketFeeds = [.. _channels.Values.Distinct().OfType<IMarketFeed>()];
        AccountListeners = [.. _channels.Values.Distinct().OfType<IExchangeListener>()];
    }

    /// <summary>The public feeds the market pump drives.</summary>
    public IReadOnlyList<IMarketFeed> MarketFeeds { get; }

    /// <summary>The private feeds that receive every commit.</summary>
    public IReadOnlyList<IExchangeListener> AccountListeners { get; }

    /// <summary>The channel <paramref name="name"/> on <paramref name="endpoint"/>, or null.</summary>
    public ISocketChannel? Channel(SocketEndpoint endpoint, string name) => _channels.GetValueOrDefault((endpoint, name));

    /// <summary>The method <paramref name="name"/> on <paramref name="endpoint"/>, or null.</summary>
    public SocketMethod? Method(SocketEndpoint endpoint, string name) => _methods.GetValueOrDefault((endpoint, name));

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Every channel of the surface registers here.")]
    private void Add(SocketEndpoint[] endpoints, ISocketChannel channel)
    {
        foreach (var endpoint in endpoints)
        {
            _channels[(endpoint, channel.Name)] = channel;
        }
    }

    private void Add(SocketEndpoint[] endpoints, string name, SocketMethod method)
    {
        foreach (var endpoint in endpoints)
        {
            _methods[(endpoint, name)] = method;
        }
    }
}
