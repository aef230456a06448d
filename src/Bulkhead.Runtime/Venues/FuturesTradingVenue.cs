using System.Text.Json;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Runtime.Venues;

/// <summary>
/// <see cref="ITradingVenue"/> over the Futures REST client's venue-neutral <see cref="IOrderVenue"/> and
/// <see cref="IBalanceVenue"/>: fills from <c>GET /fills</c> (100 per page, paged back by <c>lastFillTime</c>) with their
/// fees from the account log's trade entries (by <c>execution</c>), equity is the flex wallet's portfolio value.
/// </summary>
public sealed class FuturesTradingVenue : ITradingVenue
{
    private const string FeeAsset = "USD";
    private const int LogPage = 1000;
    private readonly FuturesRestClient _client;
    private readonly IOrderVenue _orders;
    private readonly TimeProvider _time;

    /// <summary>Creates the adapter over a client signing with the process's key.</summary>
    public FuturesTradingVenue(FuturesRestClient client, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(time);
        _client = client;
        _orders = client;
        _time = time;
    }

    /// <inheritdoc />
    public Venue Venue => Venue.Futures;

    /// <inheritdoc />
    public async Task<KrakenResult<decimal>> GetTickSizeAsync(string symbol, CancellationToken cancellationToken)
    {
        var instruments = await _client.GetInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        if (!instruments.Success)
        {
            return instruments.Error;
        }

        var instrument = instruments.Value.FirstOrDefault(i => string.Equals(i.Symbol, symbol, StringComparison.OrdinalIgnoreCase));
        return instrument?.TickSize is { } tick
            ? KrakenResult<decimal>.Ok(tick)
            : new KrakenError(KrakenErrors.FuturesInvalidArgument, KrakenErrorCategory.InvalidInput, KrakenErrorOrigin.Local, $"the exchange lists no contract {symbol}");
    }

    /// <inheritdoc />
    public async Task<KrakenResult<MarketQuote>> GetQuoteAsync(string symbol, CancellationToken cancellationToken)
    {
        var tickers = await _client.GetTickersAsync(cancellationToken).ConfigureAwait(false);
        if (!tickers.Success)
        {
            return tickers.Error;
        }

        var t = tickers.Value.FirstOrDefault(t => string.Equals(t.Symbol, symbol, StringComparison.OrdinalIgnoreCase));
        if (t is not { Bid: { } bid, Ask: { } ask })
        {
            return new KrakenError("Bulkhead:No quote", KrakenErrorCategory.Transient, KrakenErrorOrigin.Local, $"no bid and ask for {symbol} in the Futures tickers");
        }

        var mid = (bid + ask) / 2m;
        return KrakenResult<MarketQuote>.Ok(new MarketQuote(symbol, bid, ask, t.Last ?? mid, t.MarkPrice ?? mid, _time.GetUtcNow()));
    }

    /// <inheritdoc />
    public Task<KrakenResult<VenueOrderAck>> PlaceOrderAsync(VenueOrderRequest request, CancellationToken cancellationToken) =>
        _orders.PlaceOrderAsync(request, cancellationToken);

    /// <inheritdoc />
    public async Task<KrakenResult<int>> CancelOrderAsync(VenueOrderRef order, CancellationToken cancellationToken)
    {
        var cancelled = await _orders.CancelOrderAsync(order, cancellationToken).ConfigureAwait(false);
        return cancelled.Map(c => c.CancelledOrderIds.Count);
    }

    /// <inheritdoc />
    public async Task<KrakenResult<int>> CancelAllAsync(CancellationToken cancellationToken)
    {
        var cancelled = await _orders.CancelAllAsync(null, cancellationToken).ConfigureAwait(false);
        return cancelled.Map(c => c.CancelledOrderIds.Count);
    }

    /// <inheritdoc />
    public Task<KrakenResult<DeadMansSwitchState>> ArmDeadMansSwitchAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _orders.ArmDeadMansSwitchAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public Task<KrakenResult<IReadOnlyList<VenueOpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
        _orders.GetOpenOrdersAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<KrakenResult<IReadOnlyList<VenueTrade>>> GetTradesAsync(bool everything, Func<string, bool> known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(known);
        var fills = new List<Kraken.Futures.Rest.Wire.FuturesFill>();
        DateTimeOffset? before = null;
        while (true)
        {
            var page = await _client.GetFillsAsync(before, cancellationToken).ConfigureAwait(false);
            if (!page.Success)
            {
                return page.Error;
            }

            fills.AddRange(page.Value);
            var allKnown = page.Value.All(f => known(f.FillId));
            if (page.Value.Count < 100 || (!everything && allKnown) || page.Value[^1].FillTime is not { } oldest)
            {
                break;
            }

            before = oldest;
        }

        var fresh = fills.Where(f => !known(f.FillId)).ToList();
        var fees = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (fresh.Count > 0)
        {
            var since = fresh.Min(f => f.FillTime ?? _time.GetUtcNow()) - TimeSpan.FromSeconds(1);
            var found = await FeesAsync(since, fees, cancellationToken).ConfigureAwait(false);
            if (!found.Success)
            {
                return found.Error;
            }
        }

        return KrakenResult<IReadOnlyList<VenueTrade>>.Ok([.. fresh.Select(f => new VenueTrade(
            f.FillId,
            f.OrderId,
            f.Symbol.ToUpperInvariant(),
            string.Equals(f.Side, "buy", StringComparison.OrdinalIgnoreCase) ? OrderSide.Buy : OrderSide.Sell,
            f.Size,
            f.Price,
            fees.GetValueOrDefault(f.FillId),
            FeeAsset,
            f.FillTime ?? _time.GetUtcNow()))]);
    }

    /// <inheritdoc />
    public async Task<KrakenResult<AccountView>> GetAccountAsync(CancellationToken cancellationToken)
    {
        var balances = await ((IBalanceVenue)_client).GetBalancesAsync(cancellationToken).ConfigureAwait(false);
        if (!balances.Success)
        {
            return balances.Error;
        }

        var flex = balances.Value.Margins.FirstOrDefault(m => m.Wallet == "flex");
        var snapshots = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AccountSnapshots.BalancesKind] = JsonSerializer.Serialize(balances.Value.Balances.Select(b => new { wallet = b.Wallet, currency = b.Currency, quantity = b.Quantity, available = b.Available })),
            [AccountSnapshots.MarginKind] = JsonSerializer.Serialize(balances.Value.Margins.Select(m => new
            {
                wallet = m.Wallet,
                currency = m.Currency,
                portfolioValue = m.PortfolioValue,
                availableMargin = m.AvailableMargin,
                initialMargin = m.InitialMargin,
                maintenanceMargin = m.MaintenanceMargin,
            })),
        };
        return KrakenResult<AccountView>.Ok(new AccountView(flex?.PortfolioValue ?? 0m, snapshots));
    }

    private async Task<KrakenResult<bool>> FeesAsync(DateTimeOffset since, Dictionary<string, decimal> fees, CancellationToken cancellationToken)
    {
        var seen = new HashSet<long>();
        while (true)
        {
            var log = await _client.GetAccountLogAsync(since: since, count: LogPage, oldestFirst: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!log.Success)
            {
                return log.Error;
            }

            var progressed = false;
            foreach (var entry in log.Value.Logs)
            {
                if (!seen.Add(entry.Id))
                {
                    continue;
                }

                progressed = true;
                if (entry.Execution is { } execution && entry.Fee is { } fee)
                {
                    fees[execution] = fees.GetValueOrDefault(execution) + fee;
                }
            }

            if (!progressed || log.Value.Logs.Count < LogPage || log.Value.Logs[^1].Date is not { } last)
            {
                return KrakenResult<bool>.Ok(true);
            }

            since = last;
        }
    }
}
