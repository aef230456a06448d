using System.Text.Json;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Runtime.Venues;

/// <summary>
/// <see cref="ITradingVenue"/> over the Kraken layer's <see cref="IAccountVenue"/>, on either venue and any transport:
/// tick sizes from the instrument list, quotes from the tickers, order entry, fills with their fees (<see cref="IFillVenue"/>),
/// and the account's value — a margin account is worth its margin wallet's portfolio value, any other account its
/// holdings at their USD pairs' marks.
/// </summary>
public sealed class StrategyVenue : ITradingVenue
{
    private readonly IAccountVenue _account;
    private readonly TimeProvider _time;

    /// <summary>Adapts <paramref name="account"/> (opened with the process's key) for a strategy on <paramref name="venue"/>.</summary>
    public StrategyVenue(Venue venue, IAccountVenue account, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(time);
        Venue = venue;
        _account = account;
        _time = time;
    }

    /// <inheritdoc />
    public Venue Venue { get; }

    /// <inheritdoc />
    public async Task<KrakenResult<decimal>> GetTickSizeAsync(string symbol, CancellationToken cancellationToken)
    {
        var instruments = await _account.GetInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        if (!instruments.Success)
        {
            return instruments.Error;
        }

        return instruments.Value.FirstOrDefault(i => string.Equals(i.Symbol, symbol, StringComparison.OrdinalIgnoreCase))?.TickSize is { } tick
            ? KrakenResult<decimal>.Ok(tick)
            : KrakenErrors.UnknownSymbol(symbol);
    }

    /// <inheritdoc />
    public async Task<KrakenResult<MarketQuote>> GetQuoteAsync(string symbol, CancellationToken cancellationToken)
    {
        var tickers = await _account.GetTickersAsync([symbol], cancellationToken).ConfigureAwait(false);
        if (!tickers.Success)
        {
            return tickers.Error;
        }

        if ((tickers.Value.Count > 0 ? tickers.Value[0] : null) is not { Bid: { } bid, Ask: { } ask } t)
        {
            return KrakenErrors.NoQuote(symbol);
        }

        var mid = (bid + ask) / 2m;
        return KrakenResult<MarketQuote>.Ok(new MarketQuote(symbol, bid, ask, t.Last ?? mid, t.Mark ?? mid, _time.GetUtcNow()));
    }

    /// <inheritdoc />
    public Task<KrakenResult<VenueOrderAck>> PlaceOrderAsync(VenueOrderRequest request, CancellationToken cancellationToken) =>
        _account.PlaceOrderAsync(request, cancellationToken);

    /// <inheritdoc />
    public async Task<KrakenResult<int>> CancelOrderAsync(VenueOrderRef order, CancellationToken cancellationToken)
    {
        var cancelled = await _account.CancelOrderAsync(order, cancellationToken).ConfigureAwait(false);
        return cancelled.Map(c => c.Count);
    }

    /// <inheritdoc />
    public async Task<KrakenResult<int>> CancelAllAsync(CancellationToken cancellationToken)
    {
        var cancelled = await _account.CancelAllAsync(null, cancellationToken).ConfigureAwait(false);
        return cancelled.Map(c => c.Count);
    }

    /// <inheritdoc />
    public Task<KrakenResult<DeadMansSwitchState>> ArmDeadMansSwitchAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _account.ArmDeadMansSwitchAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public Task<KrakenResult<IReadOnlyList<VenueOpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken) =>
        _account.GetOpenOrdersAsync(cancellationToken);

    /// <inheritdoc />
    public Task<KrakenResult<IReadOnlyList<VenueFill>>> GetTradesAsync(bool everything, Func<string, bool> known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(known);
        return _account.GetFillsAsync(new VenueFillQuery { IsKnown = known, StopAtKnownPage = !everything }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<KrakenResult<AccountView>> GetAccountAsync(CancellationToken cancellationToken)
    {
        var balances = await _account.GetBalancesAsync(cancellationToken).ConfigureAwait(false);
        if (!balances.Success)
        {
            return balances.Error;
        }

        if (balances.Value.Margin is { } margin)
        {
            return KrakenResult<AccountView>.Ok(new AccountView(margin.PortfolioValue, MarginSnapshots(balances.Value)));
        }

        var held = balances.Value.Balances.GroupBy(b => b.Currency, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(b => b.Quantity), StringComparer.Ordinal);
        var equity = await HoldingsValueAsync(held, cancellationToken).ConfigureAwait(false);
        return equity.Map(value => new AccountView(value, new Dictionary<string, string>(StringComparer.Ordinal) { [AccountSnapshots.BalancesKind] = AccountSnapshots.SpotBalancesJson(held) }));
    }

    /// <summary>Every holding valued at its USD pair's mid (USD at 1; an asset without a USD pair adds nothing).</summary>
    private async Task<KrakenResult<decimal>> HoldingsValueAsync(Dictionary<string, decimal> held, CancellationToken cancellationToken)
    {
        var equity = held.Where(h => FillPnl.IsUsd(h.Key)).Sum(h => h.Value);
        var others = held.Where(h => h.Value != 0m && !FillPnl.IsUsd(h.Key)).ToList();
        if (others.Count == 0)
        {
            return KrakenResult<decimal>.Ok(equity);
        }

        var instruments = await _account.GetInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        if (!instruments.Success)
        {
            return instruments.Error;
        }

        foreach (var (asset, amount) in others)
        {
            var pair = instruments.Value.Where(i => i.Base == asset && i.Quote is { } quote && FillPnl.IsUsd(quote)).Select(i => i.Symbol).Order(StringComparer.Ordinal).FirstOrDefault();
            if (pair is null)
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

        return KrakenResult<decimal>.Ok(equity);
    }

    /// <summary>A margin account's snapshots: every wallet's balances, and every margin wallet's figures (<see cref="AccountSnapshots"/>).</summary>
    private static Dictionary<string, string> MarginSnapshots(VenueBalances balances) => new(StringComparer.Ordinal)
    {
        [AccountSnapshots.BalancesKind] = JsonSerializer.Serialize(balances.Balances.Select(b => new { kind = b.Kind.ToString(), wallet = b.Wallet, currency = b.Currency, quantity = b.Quantity, available = b.Available })),
        [AccountSnapshots.MarginKind] = JsonSerializer.Serialize(balances.Margins.Select(m => new
        {
            kind = m.Kind.ToString(),
            wallet = m.Wallet,
            currency = m.Currency,
            portfolioValue = m.PortfolioValue,
            availableMargin = m.AvailableMargin,
            initialMargin = m.InitialMargin,
            maintenanceMargin = m.MaintenanceMargin,
        })),
    };
}
