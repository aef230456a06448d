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

    private readonly SocketHub _hub;

    public SocketCatalog(SocketHub hub)
    {
        _hub = hub;
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
        AddSpotPrivate();
        AddUnifiedPrivate();
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

    /// <summary>The Spot private endpoint's account channels and trading methods (one implementation with REST: the same domain operations).</summary>
    private void AddSpotPrivate()
    {
        SocketEndpoint[] spotPrivate = [SocketEndpoint.SpotPrivate];
        Add(spotPrivate, new Spot.ExecutionsChannel(_hub));
        Add(spotPrivate, new Spot.BalancesChannel(_hub));
        Add(spotPrivate, new Channels.Level3Channel(_hub));
        Add(spotPrivate, "add_order", Spot.SpotOrderMethods.AddOrder);
        Add(spotPrivate, "batch_add", Spot.SpotOrderMethods.BatchAdd);
        Add(spotPrivate, "amend_order", Spot.SpotAmendMethods.AmendOrder);
        Add(spotPrivate, "edit_order", Spot.SpotAmendMethods.EditOrder);
        Add(spotPrivate, "cancel_order", Spot.SpotCancelMethods.CancelOrder);
        Add(spotPrivate, "cancel_all", Spot.SpotCancelMethods.CancelAll);
        Add(spotPrivate, "cancel_all_orders_after", Spot.SpotCancelMethods.CancelAllOrdersAfter);
        Add(spotPrivate, "batch_cancel", Spot.SpotCancelMethods.BatchCancel);
    }

    /// <summary>The Unified private surface for derivatives (<c>Unified/</c>): account channels and order entry.</summary>
    private void AddUnifiedPrivate()
    {
        SocketEndpoint[] unifiedPrivate = [SocketEndpoint.UnifiedPrivate];
        var preferences = new Unified.PreferencesChannel(_hub);
        Add(unifiedPrivate, new Unified.ExecutionsChannel(_hub));
        Add(unifiedPrivate, new Unified.PositionsChannel(_hub));
        Add(unifiedPrivate, new Unified.MarginChannel(_hub));
        Add(unifiedPrivate, new Unified.BalancesChannel(_hub));
        Add(unifiedPrivate, new Unified.LedgersChannel());
        Add(unifiedPrivate, preferences);
        Add(unifiedPrivate, "set_preference", preferences.SetPreference);
        Add(unifiedPrivate, "add_order", Unified.UnifiedOrderMethods.AddOrder);
        Add(unifiedPrivate, "batch_add", Unified.UnifiedOrderMethods.BatchAdd);
        Add(unifiedPrivate, "amend_order", Unified.UnifiedOrderMethods.AmendOrder);
        Add(unifiedPrivate, "cancel_order", Unified.UnifiedCancelMethods.CancelOrder);
        Add(unifiedPrivate, "batch_cancel", Unified.UnifiedCancelMethods.BatchCancel);
        Add(unifiedPrivate, "cancel_all", Unified.UnifiedCancelMethods.CancelAll);
        Add(unifiedPrivate, "cancel_all_orders_after", Unified.UnifiedCancelMethods.CancelAllOrdersAfter);
    }

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
