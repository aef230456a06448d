using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot.Internal;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Kraken.Venues;
using SpotSide = Bulkhead.Kraken.Spot.Models.OrderSide;
using VenueSide = Bulkhead.Kraken.Venues.OrderSide;

namespace Bulkhead.Kraken.Spot;

/// <summary>
/// The Spot REST transport behind the venue-neutral <see cref="IAccountVenue"/>: a <see cref="SpotClient"/> (signing with
/// one key) seen as one account. Symbols are the pairs' alternative names (<c>XBTUSD</c>; the pair id is accepted too);
/// AssetPairs is read once and kept. Spot holds assets, not positions: <see cref="IPositionVenue"/> lists none. Fills
/// (<c>TradesHistory</c>) and the ledger (<c>Ledgers</c>) are paged by <see cref="SpotPaging"/>.
/// </summary>
public sealed partial class SpotVenue : IAccountVenue
{
    /// <summary>The Spot wallet's name in <see cref="VenueBalance"/> and <see cref="VenueLedgerEntry"/>.</summary>
    public const string Wallet = "spot";

    private readonly SpotClient _client;
    private SpotPairIndex? _pairs;

    /// <summary>Sees <paramref name="client"/>'s account as a venue.</summary>
    public SpotVenue(SpotClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    public async Task<KrakenResult<VenueOrderAck>> PlaceOrderAsync(VenueOrderRequest request, CancellationToken cancellationToken = default)
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
    public async Task<KrakenResult<VenueCancelAck>> CancelOrderAsync(VenueOrderRef order, CancellationToken cancellationToken = default)
    {
        var cancelled = order.OrderId is { } id
            ? await _client.CancelOrderAsync(id, cancellationToken).ConfigureAwait(false)
            : await _client.CancelOrderByClientOrderIdAsync(order.ClientOrderId!, cancellationToken).ConfigureAwait(false);
        return cancelled.Map(count => new VenueCancelAck(count, count > 0 && order.OrderId is { } orderId ? [orderId] : []));
    }

    /// <inheritdoc />
    /// <remarks>Spot's <c>CancelAll</c> takes no pair: with a <paramref name="symbol"/> its open orders are cancelled one by one.</remarks>
    public async Task<KrakenResult<VenueCancelAck>> CancelAllAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        if (symbol is null)
        {
            var all = await _client.CancelAllAsync(cancellationToken).ConfigureAwait(false);
            return all.Map(count => new VenueCancelAck(count, []));
        }

        var open = await GetOpenOrdersAsync(cancellationToken).ConfigureAwait(false);
        if (!open.Success)
        {
            return open.Error;
        }

        var pairs = await PairsAsync(cancellationToken).ConfigureAwait(false);
        if (!pairs.Success)
        {
            return pairs.Error;
        }

        var name = pairs.Value.AltName(symbol);
        var ids = new List<string>();
        foreach (var order in open.Value.Where(o => string.Equals(o.Symbol, name, StringComparison.Ordinal)))
        {
            var cancelled = await _client.CancelOrderAsync(order.OrderId, cancellationToken).ConfigureAwait(false);
            if (!cancelled.Success)
            {
                return cancelled.Error;
            }

            if (cancelled.Value > 0)
            {
                ids.Add(order.OrderId);
            }
        }

        return KrakenResult<VenueCancelAck>.Ok(new VenueCancelAck(ids.Count, ids));
    }

    /// <inheritdoc />
    public async Task<KrakenResult<DeadMansSwitchState>> ArmDeadMansSwitchAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        var armed = await _client.CancelAllOrdersAfterAsync(TimeSpan.FromSeconds(Math.Ceiling(timeout.TotalSeconds)), cancellationToken).ConfigureAwait(false);
        return armed.Map(s => new DeadMansSwitchState(s.CurrentTime, s.TriggerTime));
    }

    /// <inheritdoc />
    public async Task<KrakenResult<IReadOnlyList<VenueOpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken = default)
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
    public async Task<KrakenResult<VenueBalances>> GetBalancesAsync(CancellationToken cancellationToken = default)
    {
        var balances = await _client.GetBalancesAsync(cancellationToken).ConfigureAwait(false);
        return balances.Map(all => new VenueBalances([.. all.Select(b => new VenueBalance(WalletKind.Spot, Wallet, b.Key, b.Value, null))], []));
    }

    /// <inheritdoc />
    public Task<KrakenResult<IReadOnlyList<VenuePosition>>> GetOpenPositionsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(KrakenResult<IReadOnlyList<VenuePosition>>.Ok([]));

    /// <summary>The exchange's pairs (read once; the socket venue names its symbols and assets from them).</summary>
    internal async Task<KrakenResult<SpotPairIndex>> PairsAsync(CancellationToken cancellationToken)
    {
        if (_pairs is { } cached)
        {
            return KrakenResult<SpotPairIndex>.Ok(cached);
        }

        var pairs = await _client.GetAssetPairsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!pairs.Success)
        {
            return pairs.Error;
        }

        _pairs = new SpotPairIndex(pairs.Value);
        return KrakenResult<SpotPairIndex>.Ok(_pairs);
    }
}
