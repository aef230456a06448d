using System.Collections.Concurrent;
using System.Threading.Channels;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Journal;
using Bulkhead.Kraken.Sockets.Account;
using Bulkhead.Kraken.Sockets.Feeds;
using Bulkhead.Kraken.Sockets.Market;
using Bulkhead.Kraken.Sockets.Tokens;
using Bulkhead.Kraken.Sockets.Trading;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Sockets.Venues;

/// <summary>
/// One key's account as an <see cref="IAccountVenue"/> over one private <see cref="KrakenSocketClient"/> connection: order
/// entry, cancels and the dead man's switch (<c>cancel_all_orders_after</c>) are socket requests; open orders and fills
/// (with their fees) are the state kept from the <c>executions</c> stream (snapshot with <c>snap_orders</c> and
/// <c>snap_trades</c>, then events); tickers are the latest <c>ticker</c> message of each symbol asked for (subscribed on
/// first use). Reads of that state cost no request. What the socket cannot give is the derived venue's to say
/// (<see cref="SpotSocketVenue"/>: REST at start-up and for reconciliation; <see cref="UnifiedSocketVenue"/>: the
/// Unified channels). <see cref="WaitForEventAsync"/> wakes a consumer on any ticker or execution message.
/// </summary>
public abstract partial class SocketAccountVenue : IAccountVenue, IAsyncDisposable
{
    /// <summary>How long a first snapshot (executions, a ticker, an account channel) may take before the read fails.</summary>
    public static readonly TimeSpan SnapshotWait = TimeSpan.FromSeconds(15);

    private readonly Channel<bool> _events = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<string, TickerUpdate> _tickers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _firstTicker = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private readonly List<IAsyncDisposable> _feeds = [];
    private readonly List<Task> _pumps = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly IDisposable? _owned;
    private int _started;

    /// <summary>Sees the account of <paramref name="client"/> (a private endpoint, with the key's tokens) as a venue.</summary>
    /// <param name="client">The connection (not yet connected).</param>
    /// <param name="time">The clock.</param>
    /// <param name="owned">Disposed with the venue (the token source the venue's factory made), or null.</param>
    protected SocketAccountVenue(KrakenSocketClient client, TimeProvider time, IDisposable? owned = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        if (!client.Endpoint.IsPrivate)
        {
            throw new ArgumentException("An account venue needs a private endpoint.", nameof(client));
        }

        Client = client;
        Time = time;
        _owned = owned;
    }

    /// <summary>The connection everything goes through.</summary>
    public KrakenSocketClient Client { get; }

    /// <summary>The clock.</summary>
    protected TimeProvider Time { get; }

    /// <summary>The symbols whose tickers are streamed (the venue's names).</summary>
    public IReadOnlyCollection<string> Watched => [.. _firstTicker.Keys.Select(VenueSymbol).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Connects, subscribes to <c>executions</c> (and the account channels of the derived venue) and to the tickers of
    /// <paramref name="symbols"/>, and waits for their first snapshots. Call once before anything else.
    /// </summary>
    public async Task<KrakenResult<bool>> StartAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The venue is started already.");
        }

        var connected = await Client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (!connected.Success)
        {
            return connected.Error;
        }

        var prepared = await PrepareAsync(cancellationToken).ConfigureAwait(false);
        if (!prepared.Success)
        {
            return prepared.Error;
        }

        var executions = await Client.SubscribeExecutionsAsync(new ExecutionsSubscription(SnapOrders: true, SnapTrades: true), cancellationToken).ConfigureAwait(false);
        if (!executions.Success)
        {
            return executions.Error;
        }

        Pump(executions.Value, ApplyExecutions);
        var account = await SubscribeAccountAsync(cancellationToken).ConfigureAwait(false);
        if (!account.Success)
        {
            return account.Error;
        }

        if (!await WaitAsync(_ordersSnapshot.Task, cancellationToken).ConfigureAwait(false))
        {
            return KrakenErrors.Timeout(SnapshotWait);
        }

        foreach (var symbol in symbols)
        {
            var watched = await WatchAsync(symbol, cancellationToken).ConfigureAwait(false);
            if (!watched.Success)
            {
                return watched.Error;
            }
        }

        return KrakenResult<bool>.Ok(true);
    }

    /// <summary>
    /// Waits until a ticker or an execution message arrived since the last call (signals coalesce: many messages wake the
    /// caller once), or <paramref name="timeout"/> passed. True when something arrived.
    /// </summary>
    public async Task<bool> WaitForEventAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_events.Reader.TryRead(out _))
        {
            return true;
        }

        try
        {
            await _events.Reader.WaitToReadAsync(cancellationToken).AsTask().WaitAsync(timeout, Time, cancellationToken).ConfigureAwait(false);
            return _events.Reader.TryRead(out _);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The connection's figures (state, session, reconnects, book resyncs, last-message age, subscriptions).</summary>
    public SocketClientStats GetStats() => Client.GetStats();

    /// <inheritdoc />
    public async Task<KrakenResult<VenueOrderAck>> PlaceOrderAsync(VenueOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var order = new SocketOrderRequest
        {
            Symbol = WireSymbol(request.Symbol),
            Side = request.Side == OrderSide.Buy ? Spot.Models.OrderSide.Buy : Spot.Models.OrderSide.Sell,
            OrderType = request.Kind == VenueOrderKind.Market ? SocketOrderType.Market : SocketOrderType.Limit,
            Quantity = request.Quantity,
            LimitPrice = request.Kind == VenueOrderKind.Market ? null : request.LimitPrice,
            PostOnly = request.Kind == VenueOrderKind.PostOnly,
            TimeInForce = request.Kind == VenueOrderKind.ImmediateOrCancel ? Spot.Models.TimeInForce.ImmediateOrCancel : Spot.Models.TimeInForce.GoodTillCancelled,
            ReduceOnly = request.ReduceOnly,
            ClientOrderId = request.ClientOrderId,
        };
        var placed = await Client.AddOrderAsync(order, cancellationToken).ConfigureAwait(false);
        if (!placed.Success)
        {
            return placed.Error;
        }

        Acknowledged(placed.Value.OrderId, placed.Value.ClientOrderId, request);
        return KrakenResult<VenueOrderAck>.Ok(new VenueOrderAck(placed.Value.OrderId, placed.Value.ClientOrderId, VenueOrderStatus.Placed, []));
    }

    /// <inheritdoc />
    public async Task<KrakenResult<VenueCancelAck>> CancelOrderAsync(VenueOrderRef order, CancellationToken cancellationToken = default)
    {
        var cancelled = order.OrderId is { } id
            ? await Client.CancelOrdersAsync([id], cancellationToken).ConfigureAwait(false)
            : await Client.CancelOrdersByClientOrderIdAsync([order.ClientOrderId!], cancellationToken).ConfigureAwait(false);
        if (!cancelled.Success)
        {
            return cancelled.Error;
        }

        return cancelled.Value.Cancelled.Count > 0
            ? KrakenResult<VenueCancelAck>.Ok(new VenueCancelAck(cancelled.Value.Cancelled.Count, order.OrderId is { } orderId ? [orderId] : []))
            : KrakenErrors.FromExchange(KrakenErrors.UnknownOrder);
    }

    /// <inheritdoc />
    /// <remarks>Without a symbol one <c>cancel_all</c>; with one, the open orders on it by id in one <c>cancel_order</c>.</remarks>
    public async Task<KrakenResult<VenueCancelAck>> CancelAllAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        if (symbol is null)
        {
            var all = await Client.CancelAllAsync(cancellationToken).ConfigureAwait(false);
            return all.Map(count => new VenueCancelAck(count, []));
        }

        var ids = OpenOrders().Where(o => string.Equals(o.Symbol, symbol, StringComparison.Ordinal)).Select(o => o.OrderId).ToList();
        if (ids.Count == 0)
        {
            return KrakenResult<VenueCancelAck>.Ok(new VenueCancelAck(0, []));
        }

        var cancelled = await Client.CancelOrdersAsync(ids, cancellationToken).ConfigureAwait(false);
        return cancelled.Map(c => new VenueCancelAck(c.Cancelled.Count, c.Cancelled));
    }

    /// <inheritdoc />
    public async Task<KrakenResult<DeadMansSwitchState>> ArmDeadMansSwitchAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        var armed = await Client.CancelAllOrdersAfterAsync(TimeSpan.FromSeconds(Math.Ceiling(timeout.TotalSeconds)), cancellationToken).ConfigureAwait(false);
        return armed.Map(s => new DeadMansSwitchState(s.CurrentTime, s.TriggerTime));
    }

    /// <inheritdoc />
    /// <remarks>The state kept from <c>executions</c>: no request.</remarks>
    public Task<KrakenResult<IReadOnlyList<VenueOpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(KrakenResult<IReadOnlyList<VenueOpenOrder>>.Ok(OpenOrders()));

    /// <inheritdoc />
    /// <remarks>
    /// The latest <c>ticker</c> of each symbol; a symbol not streamed yet is subscribed and its snapshot awaited (a symbol
    /// the venue does not list is left out). The mark: the derivatives mark price, else the mid (the last price when a side
    /// is empty).
    /// </remarks>
    public async Task<KrakenResult<IReadOnlyList<VenueTicker>>> GetTickersAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var tickers = new List<VenueTicker>();
        foreach (var symbol in symbols.Distinct(StringComparer.Ordinal))
        {
            if (!IsListed(symbol))
            {
                continue;
            }

            var watched = await WatchAsync(symbol, cancellationToken).ConfigureAwait(false);
            if (!watched.Success)
            {
                return watched.Error;
            }

            if (_tickers.TryGetValue(WireSymbol(symbol), out var t))
            {
                decimal? bid = t.Bid > 0m ? t.Bid : null;
                decimal? ask = t.Ask > 0m ? t.Ask : null;
                decimal? last = t.Last > 0m ? t.Last : null;
                tickers.Add(new VenueTicker(symbol, bid, ask, last, t.MarkPrice is > 0m ? t.MarkPrice : bid is { } b && ask is { } a ? (b + a) / 2m : last));
            }
        }

        return KrakenResult<IReadOnlyList<VenueTicker>>.Ok(tickers);
    }

    /// <inheritdoc />
    public abstract Task<KrakenResult<IReadOnlyList<VenueInstrument>>> GetInstrumentsAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<KrakenResult<VenueLedger>> GetLedgerAsync(VenueLedgerCursor? after = null, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<KrakenResult<VenueLedgerCursor>> GetLedgerEndAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<KrakenResult<VenueBalances>> GetBalancesAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<KrakenResult<IReadOnlyList<VenuePosition>>> GetOpenPositionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops reading, unsubscribes nothing (the connection closes), and disposes the client.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Client.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(_pumps).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _subscribing.Dispose();
        _owned?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// A client for the account of <paramref name="spot"/>'s key on <paramref name="endpoint"/>: its tokens through that
    /// key's REST client (lease, fenced nonce, rate budget, lockout guard; returned in <paramref name="tokens"/>, which the
    /// venue owns), its sessions recorded in <paramref name="journal"/>.
    /// </summary>
    protected static KrakenSocketClient OpenClient(SpotClient spot, KrakenSocketEndpoint endpoint, TimeProvider time, ICallJournal? journal, Action<KrakenSocketOptions>? configure, out SpotSocketTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(spot);
        ArgumentNullException.ThrowIfNull(endpoint);
        tokens = new SpotSocketTokens(spot, time);
        var options = new KrakenSocketOptions { Endpoint = endpoint, CallJournal = journal };
        configure?.Invoke(options);
        return new KrakenSocketClient(options, time, tokens);
    }

    /// <summary>Reads what the venue needs before subscribing (e.g. the pair names); REST, once.</summary>
    protected virtual Task<KrakenResult<bool>> PrepareAsync(CancellationToken cancellationToken) => Task.FromResult(KrakenResult<bool>.Ok(true));

    /// <summary>Subscribes the derived venue's account channels (balances, positions, margin) and waits for their snapshots.</summary>
    protected abstract Task<KrakenResult<bool>> SubscribeAccountAsync(CancellationToken cancellationToken);

    /// <summary>The wire's name for the venue's <paramref name="symbol"/> (Spot: <c>XBTUSD</c> → <c>BTC/USD</c>).</summary>
    protected abstract string WireSymbol(string symbol);

    /// <summary>The venue's name for the wire's <paramref name="wire"/> symbol.</summary>
    protected abstract string VenueSymbol(string wire);

    /// <summary>The currency code a fee in the wire's <paramref name="asset"/> is journaled in (Spot: the REST asset id).</summary>
    protected abstract string FeeCurrency(string asset);

    /// <summary>True when the venue lists <paramref name="symbol"/>.</summary>
    protected abstract bool IsListed(string symbol);

    /// <summary>Reads <paramref name="feed"/> until the venue is disposed, handing each batch to <paramref name="apply"/> and waking consumers.</summary>
    protected void Pump<T>(SocketFeed<T> feed, Action<SocketBatch<T>> apply)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(apply);
        _feeds.Add(feed);
        _pumps.Add(Task.Run(
            async () =>
            {
                await foreach (var batch in feed.ReadAllAsync(_stop.Token).ConfigureAwait(false))
                {
                    apply(batch);
                    _events.Writer.TryWrite(true);
                }
            },
            CancellationToken.None));
    }

    /// <summary>Waits for <paramref name="task"/> at most <see cref="SnapshotWait"/>; false when it did not complete.</summary>
    protected async Task<bool> WaitAsync(Task task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        try
        {
            await task.WaitAsync(SnapshotWait, Time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<KrakenResult<bool>> WatchAsync(string symbol, CancellationToken cancellationToken)
    {
        var wire = WireSymbol(symbol);
        if (!_firstTicker.ContainsKey(wire))
        {
            await _subscribing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_firstTicker.ContainsKey(wire))
                {
                    var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    var feed = await Client.SubscribeTickerAsync(wire, TickerTrigger.BestBidOffer, cancellationToken).ConfigureAwait(false);
                    if (!feed.Success)
                    {
                        return feed.Error;
                    }

                    _firstTicker[wire] = first;
                    Pump(feed.Value, batch =>
                    {
                        foreach (var t in batch.Items)
                        {
                            _tickers[t.Symbol] = t;
                            if (_firstTicker.TryGetValue(t.Symbol, out var seen))
                            {
                                seen.TrySetResult();
                            }
                        }
                    });
                }
            }
            finally
            {
                _subscribing.Release();
            }
        }

        return await WaitAsync(_firstTicker[wire].Task, cancellationToken).ConfigureAwait(false)
            ? KrakenResult<bool>.Ok(true)
            : KrakenErrors.NoQuote(symbol);
    }
}
