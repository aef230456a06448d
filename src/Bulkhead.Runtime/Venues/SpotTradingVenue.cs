using Bulkhead.Fleet.Reporting;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Kraken.Venues;
using SpotSide = Bulkhead.Kraken.Spot.Models.OrderSide;
using VenueSide = Bulkhead.Kraken.Venues.OrderSide;

namespace Bulkhead.Runtime.Venues;

/// <summary>
/// <see cref="ITradingVenue"/> over <see cref="SpotClient"/>: symbols are the pairs' alternative names (<c>XBTUSD</c>);
/// fills come from <c>TradesHistory</c> (fees in the quote asset), equity is every balance valued at its USD pair's mid.
/// </summary>
public sealed class SpotTradingVenue : ITradingVenue
{
    private readonly SpotClient _client;
    private readonly TimeProvider _time;
    private SpotPairs? _pairs;

    /// <summary>Creates the adapter over a client signing with the process's key.</summary>
    public SpotTradingVenue(SpotClient client, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _time = time;
    }

    /// <inheritdoc />
    public Venue Venue => Venue.Spot;

    /// <inheritdoc />
    public async Task<KrakenResult<decimal>> GetTickSizeAsync(string symbol, CancellationToken cancellationToken)
    {
        var pairs = await PairsAsync(cancellationToken).ConfigureAwait(false);
        if (!pairs.Success)
        {
            return pairs.Error;
        }

        return pairs.Value.Find(symbol) is { } info
            ? KrakenResult<decimal>.Ok(info.TickSize ?? Pow10(-info.PriceDecimals))
            : new KrakenError(KrakenErrors.UnknownAssetPair, KrakenErrorCategory.InvalidInput, KrakenErrorOrigin.Local, $"the exchange lists no pair {symbol}");
    }

    /// <inheritdoc />
    public async Task<KrakenResult<MarketQuote>> GetQuoteAsync(string symbol, CancellationToken cancellationToken)
    {
        var ticker = await _client.GetTickerAsync(symbol, cancellationToken).ConfigureAwait(false);
        return ticker.Map(t =>
        {
            var mid = (t.BidPrice + t.AskPrice) / 2m;
            return new MarketQuote(symbol, t.BidPrice, t.AskPrice, t.LastPrice > 0 ? t.LastPrice : mid, mid, _time.GetUtcNow());
        });
    }

    /// <inheritdoc />
    public async Task<KrakenResult<VenueOrderAck>> PlaceOrderAsync(VenueOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var order = new OrderRequest
        {
            Pair = request.Symbol,
            Side = request.Side == VenueSide.Buy ? SpotSide.Buy : SpotSide.Sell,
            Type = request.Kind == VenueOrderKind.Market ? SpotOrderType.Market : SpotOrderType.Limit,
            Volume = request.Quantity,
            Price = request.Kind == VenueOrderKind.Market ? null : request.LimitPrice,
            Conditions = request.Kind == VenueOrderKind.PostOnly ? OrderConditions.PostOnly : OrderConditions.None,
            TimeInForce = request.Kind == VenueOrderKind.ImmediateOrCancel ? TimeInForce.ImmediateOrCancel : null,
            ClientOrderId = request.ClientOrderId,
        };
        var placed = await _client.AddOrderAsync(order, cancellationToken).ConfigureAwait(false);
        return placed.Map(p => new VenueOrderAck(p.OrderIds.Count > 0 ? p.OrderIds[0] : string.Empty, p.ClientOrderId, VenueOrderStatus.Placed, []));
    }

    /// <inheritdoc />
    public Task<KrakenResult<int>> CancelOrderAsync(VenueOrderRef order, CancellationToken cancellationToken) =>
        order.OrderId is { } id ? _client.CancelOrderAsync(id, cancellationToken) : _client.CancelOrderByClientOrderIdAsync(order.ClientOrderId!, cancellationToken);

    /// <inheritdoc />
    public Task<KrakenResult<int>> CancelAllAsync(CancellationToken cancellationToken) => _client.CancelAllAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<KrakenResult<DeadMansSwitchState>> ArmDeadMansSwitchAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seconds = TimeSpan.FromSeconds(Math.Ceiling(timeout.TotalSeconds));
        var armed = await _client.CancelAllOrdersAfterAsync(seconds, cancellationToken).ConfigureAwait(false);
        return armed.Map(s => new DeadMansSwitchState(s.CurrentTime, s.TriggerTime));
    }

    /// <inheritdoc />
    public async Task<KrakenResult<IReadOnlyList<VenueOpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken)
    {
        var pairs = await PairsAsync(cancellationToken).ConfigureAwait(false);
        if (!pairs.Success)
        {
            return pairs.Error;
        }

        var open = await _client.GetOpenOrdersAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return open.Map<IReadOnlyList<VenueOpenOrder>>(orders => [.. orders.Select(o => new VenueOpenOrder(
            o.Id,
            o.ClientOrderId,
            pairs.Value.AltName(o.Pair),
            o.Side == SpotSide.Buy ? VenueSide.Buy : VenueSide.Sell,
            o.Type == SpotOrderType.Market ? VenueOrderKind.Market : VenueOrderKind.Limit,
            o.Volume,
            o.ExecutedVolume,
            o.LimitPrice == 0m ? null : o.LimitPrice,
            false,
            o.OpenedAt))]);
    }

    /// <inheritdoc />
    public async Task<KrakenResult<IReadOnlyList<VenueTrade>>> GetTradesAsync(bool everything, Func<string, bool> known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(known);
        var pairs = await PairsAsync(cancellationToken).ConfigureAwait(false);
        if (!pairs.Success)
        {
            return pairs.Error;
        }

        var trades = new List<VenueTrade>();
        await foreach (var page in SpotPaging.PagesAsync((offset, ct) => _client.GetTradesHistoryAsync(offset: offset, cancellationToken: ct), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!page.Success)
            {
                return page.Error;
            }

            var allKnown = true;
            foreach (var t in page.Value.Items)
            {
                allKnown &= known(t.Id);
                var quote = pairs.Value.Find(t.Pair)?.Quote ?? "ZUSD";
                trades.Add(new VenueTrade(t.Id, t.OrderId, pairs.Value.AltName(t.Pair), t.Side == SpotSide.Buy ? VenueSide.Buy : VenueSide.Sell, t.Volume, t.Price, t.Fee, quote, t.Time));
            }

            // Newest first: once a whole page is journaled already, the older pages are too (unless catching up everything).
            if (!everything && allKnown)
            {
                break;
            }
        }

        return KrakenResult<IReadOnlyList<VenueTrade>>.Ok(trades);
    }

    /// <inheritdoc />
    public async Task<KrakenResult<AccountView>> GetAccountAsync(CancellationToken cancellationToken)
    {
        var balances = await _client.GetBalancesAsync(cancellationToken).ConfigureAwait(false);
        if (!balances.Success)
        {
            return balances.Error;
        }

        var pairs = await PairsAsync(cancellationToken).ConfigureAwait(false);
        if (!pairs.Success)
        {
            return pairs.Error;
        }

        var equity = 0m;
        foreach (var (asset, amount) in balances.Value)
        {
            if (amount == 0m)
            {
                continue;
            }

            if (Fleet.Fills.FillPnl.IsUsd(asset))
            {
                equity += amount;
                continue;
            }

            if (pairs.Value.UsdPairOf(asset) is not { } pair)
            {
                continue;
            }

            var quote = await GetQuoteAsync(pair, cancellationToken).ConfigureAwait(false);
            if (!quote.Success)
            {
                return quote.Error;
            }

            equity += amount * quote.Value.Mid;
        }

        return KrakenResult<AccountView>.Ok(new AccountView(equity, new Dictionary<string, string>(StringComparer.Ordinal) { [AccountSnapshots.BalancesKind] = AccountSnapshots.SpotBalancesJson(balances.Value) }));
    }

    private static decimal Pow10(int exponent)
    {
        var value = 1m;
        for (var i = 0; i < -exponent; i++)
        {
            value /= 10m;
        }

        return value;
    }

    /// <summary>The exchange's pairs, by id and by alternative name (read once).</summary>
    private async Task<KrakenResult<SpotPairs>> PairsAsync(CancellationToken cancellationToken)
    {
        if (_pairs is { } cached)
        {
            return KrakenResult<SpotPairs>.Ok(cached);
        }

        var pairs = await _client.GetAssetPairsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!pairs.Success)
        {
            return pairs.Error;
        }

        _pairs = new SpotPairs(pairs.Value);
        return KrakenResult<SpotPairs>.Ok(_pairs);
    }
}
