using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest.Internal;
using Bulkhead.Kraken.Futures.Rest.Wire;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Futures.Rest;

/// <summary>
/// The venue-neutral contracts, mapped onto the Futures REST endpoints (fills in <c>FuturesRestClient.Fills.cs</c>, the
/// ledger in <c>FuturesRestClient.Ledger.cs</c>). Nothing Futures-specific leaks through them.
/// </summary>
public sealed partial class FuturesRestClient : IAccountVenue, ITransferVenue
{
    private const string CashWallet = FuturesLedger.CashWallet;
    private const string FlexWallet = FuturesLedger.FlexWallet;

    Task<KrakenResult<VenueOrderAck>> IOrderVenue.PlaceOrderAsync(VenueOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendOrderAsync(
            new FuturesOrderRequest
            {
                Symbol = request.Symbol,
                Side = request.Side,
                OrderType = request.Kind switch
                {
                    VenueOrderKind.Limit => FuturesOrderType.Limit,
                    VenueOrderKind.Market => FuturesOrderType.Market,
                    VenueOrderKind.PostOnly => FuturesOrderType.PostOnly,
                    VenueOrderKind.ImmediateOrCancel => FuturesOrderType.ImmediateOrCancel,
                    _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown order kind."),
                },
                Size = request.Quantity,
                LimitPrice = request.LimitPrice,
                ReduceOnly = request.ReduceOnly,
                ClientOrderId = request.ClientOrderId,
            },
            cancellationToken);
    }

    async Task<KrakenResult<VenueCancelAck>> IOrderVenue.CancelOrderAsync(VenueOrderRef order, CancellationToken cancellationToken)
    {
        var result = await CancelOrderAsync(order.OrderId, order.ClientOrderId, cancellationToken).ConfigureAwait(false);
        return result.Map(s => new VenueCancelAck(1, s.OrderId is { } id ? [id] : []));
    }

    async Task<KrakenResult<VenueCancelAck>> IOrderVenue.CancelAllAsync(string? symbol, CancellationToken cancellationToken)
    {
        var result = await CancelAllOrdersAsync(symbol, cancellationToken).ConfigureAwait(false);
        return result.Map(s => new VenueCancelAck(s.CancelledOrders?.Count ?? 0, (s.CancelledOrders ?? []).Select(o => o.OrderId).ToList()));
    }

    Task<KrakenResult<DeadMansSwitchState>> IOrderVenue.ArmDeadMansSwitchAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        return CancelAllOrdersAfterAsync(checked((int)Math.Ceiling(timeout.TotalSeconds)), cancellationToken);
    }

    async Task<KrakenResult<IReadOnlyList<VenueOpenOrder>>> IOrderVenue.GetOpenOrdersAsync(CancellationToken cancellationToken)
    {
        var result = await GetOpenOrdersAsync(cancellationToken).ConfigureAwait(false);
        if (!result.Success)
        {
            return result.Error;
        }

        var orders = new List<VenueOpenOrder>(result.Value.Count);
        foreach (var o in result.Value)
        {
            if (ParseSide(o.Side) is not { } side)
            {
                return Unexpected("openorders", $"order {o.OrderId} has side '{o.Side}'");
            }

            var kind = o.OrderType switch
            {
                "lmt" => VenueOrderKind.Limit,
                "post" => VenueOrderKind.PostOnly,
                "ioc" => VenueOrderKind.ImmediateOrCancel,
                "mkt" => VenueOrderKind.Market,
                _ => (VenueOrderKind?)null,
            };
            orders.Add(new VenueOpenOrder(o.OrderId, o.ClientOrderId, o.Symbol, side, kind, o.FilledSize + o.UnfilledSize, o.FilledSize, o.LimitPrice, o.ReduceOnly, o.ReceivedTime));
        }

        return KrakenResult<IReadOnlyList<VenueOpenOrder>>.Ok(orders);
    }

    async Task<KrakenResult<VenueBalances>> IBalanceVenue.GetBalancesAsync(CancellationToken cancellationToken)
    {
        var result = await GetAccountsAsync(cancellationToken).ConfigureAwait(false);
        return result.Map(ToBalances);
    }

    async Task<KrakenResult<IReadOnlyList<VenuePosition>>> IPositionVenue.GetOpenPositionsAsync(CancellationToken cancellationToken)
    {
        var result = await GetOpenPositionsAsync(cancellationToken).ConfigureAwait(false);
        if (!result.Success)
        {
            return result.Error;
        }

        var positions = new List<VenuePosition>(result.Value.Count);
        foreach (var p in result.Value)
        {
            PositionSide? side = p.Side switch { "long" => PositionSide.Long, "short" => PositionSide.Short, _ => null };
            if (side is null)
            {
                return Unexpected("openpositions", $"position on {p.Symbol} has side '{p.Side}'");
            }

            positions.Add(new VenuePosition(p.Symbol, side.Value, p.Size, p.Price, p.UnrealisedFunding));
        }

        return KrakenResult<IReadOnlyList<VenuePosition>>.Ok(positions);
    }

    Task<KrakenResult<VenueTransferAck>> ITransferVenue.TransferBetweenWalletsAsync(WalletKind fromWallet, WalletKind toWallet, string currency, decimal amount, CancellationToken cancellationToken) =>
        TransferAsync(FuturesLedger.WalletName(fromWallet), FuturesLedger.WalletName(toWallet), currency, amount, cancellationToken);

    Task<KrakenResult<VenueTransferAck>> ITransferVenue.TransferToSubaccountAsync(string fromUser, string toUser, WalletKind fromWallet, WalletKind toWallet, string currency, decimal amount, CancellationToken cancellationToken) =>
        SubaccountTransferAsync(fromUser, toUser, FuturesLedger.WalletName(fromWallet), FuturesLedger.WalletName(toWallet), currency, amount, cancellationToken);

    Task<KrakenResult<VenueTransferAck>> ITransferVenue.WithdrawToSpotAsync(string currency, decimal amount, WalletKind? fromWallet, CancellationToken cancellationToken) =>
        WithdrawalAsync(currency, amount, fromWallet is { } wallet ? FuturesLedger.WalletName(wallet) : null, cancellationToken);

    async Task<KrakenResult<IReadOnlyList<VenueSubaccount>>> ITransferVenue.ListSubaccountsAsync(CancellationToken cancellationToken)
    {
        var result = await ListSubaccountsAsync(cancellationToken).ConfigureAwait(false);
        return result.Map<IReadOnlyList<VenueSubaccount>>(s => s.Subaccounts.Select(ToSubaccount).ToList());
    }

    private static VenueBalances ToBalances(FuturesAccounts accounts)
    {
        var balances = new List<VenueBalance>();
        var margins = new List<VenueMargin>();
        balances.AddRange(accounts.Cash.Balances.Select(b => new VenueBalance(WalletKind.Holding, CashWallet, b.Key, b.Value, b.Value)));
        balances.AddRange(accounts.Flex.Currencies.Select(c => new VenueBalance(WalletKind.Margin, FlexWallet, c.Key, c.Value.Quantity, c.Value.Available)));
        var flex = accounts.Flex;
        margins.Add(new VenueMargin(WalletKind.Margin, FlexWallet, "USD", flex.PortfolioValue, flex.AvailableMargin, flex.InitialMargin, flex.MaintenanceMargin));
        foreach (var (wallet, account) in accounts.MarginAccounts)
        {
            balances.AddRange((account.Balances ?? new Dictionary<string, decimal>())
                .Where(b => string.Equals(b.Key, account.Currency, StringComparison.OrdinalIgnoreCase))
                .Select(b => new VenueBalance(WalletKind.IsolatedMargin, wallet, b.Key, b.Value, null)));
            if (account.Auxiliary is { } aux)
            {
                margins.Add(new VenueMargin(WalletKind.IsolatedMargin, wallet, account.Currency, aux.PortfolioValue, aux.AvailableFunds, account.MarginRequirements?.Initial, account.MarginRequirements?.Maintenance));
            }
        }

        return new VenueBalances(balances, margins);
    }

    private static VenueSubaccount ToSubaccount(FuturesSubaccount s)
    {
        var balances = new List<VenueBalance>();
        balances.AddRange((s.HoldingAccounts ?? []).Select(h => new VenueBalance(WalletKind.Holding, CashWallet, h.Currency, h.Amount, h.Amount)));
        balances.AddRange((s.FlexAccount?.Currencies ?? []).Select(c => new VenueBalance(WalletKind.Margin, FlexWallet, c.Currency, c.Quantity, c.Available)));
        return new VenueSubaccount(s.AccountUid, s.Email, s.FullName, balances, s.FlexAccount?.AvailableMargin);
    }
}
