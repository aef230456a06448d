using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox;

/// <summary>
/// Futures: order actions (<see cref="FuturesDesk"/>), positions and margin (<see cref="MarginBook"/>), mark prices,
/// liquidation (<see cref="Liquidator"/>), the family's self-trade strategy and leverage preferences.
/// </summary>
public sealed partial class SandboxExchange
{
    /// <summary>Kraken's price protection of a <c>mkt</c> order: 1 % from the mark price.</summary>
    public const decimal MarketProtection = FuturesDesk.MarketProtection;

    /// <summary>The <c>reason</c> of orders cancelled, and of the orders that closed positions, by a liquidation.</summary>
    public const string LiquidationReason = CancelReasons.Liquidation;

    /// <summary>The current mark and index prices of the Futures instruments.</summary>
    public IMarkPrices MarkPrices => _margin.Marks;

    /// <summary>The highest leverage an instrument allows: one over the initial margin rate of the ladder's first rung.</summary>
    public static decimal MaxLeverage(string symbol) => Bulkhead.Sandbox.Margin.LeveragePreferences.MaxLeverage(symbol);

    /// <summary>Places a Futures order (<c>sendorder</c>, a <c>batchorder</c> send).</summary>
    public FuturesOrderResult PlaceFuturesOrder(FuturesOrderCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_gate)
        {
            return _futures.Place(command);
        }
    }

    /// <summary>
    /// Edits a resting Futures order in place (<c>editorder</c>): a new open size (<paramref name="newOpenSize"/>, the
    /// unfilled quantity wanted) and/or limit price; the order id stays.
    /// </summary>
    public FuturesOrderResult EditFuturesOrder(string account, string orderId, decimal? newOpenSize, decimal? newLimitPrice)
    {
        lock (_gate)
        {
            return _futures.Edit(account, orderId, newOpenSize, newLimitPrice);
        }
    }

    /// <summary>Cancels one Futures order by txid (<c>cancelorder</c>): <c>cancelled</c>, <c>filled</c> if it already filled, else <c>notFound</c>.</summary>
    public FuturesOrderResult CancelFuturesOrder(string account, string orderId)
    {
        lock (_gate)
        {
            return _futures.Cancel(account, orderId);
        }
    }

    /// <summary>Cancels every open Futures order of an account, or those on one symbol (<c>cancelallorders</c>).</summary>
    public IReadOnlyList<SandboxOrder> CancelAllFuturesOrders(string account, string? symbol = null)
    {
        lock (_gate)
        {
            return _futures.CancelAll(account, symbol);
        }
    }

    /// <summary>An account's Futures order by its client order id (the newest with that id), or null.</summary>
    public SandboxOrder? FindFuturesOrderByClientId(string account, string clientOrderId)
    {
        lock (_gate)
        {
            return _futures.FindByClientId(account, clientOrderId);
        }
    }

    /// <summary>
    /// The market's seam into margin: sets <paramref name="symbol"/>'s mark price (and index price; null: the index
    /// follows the mark), settles funding if an hour boundary passed, samples the funding premium, then liquidates every
    /// account whose equity fell below its maintenance margin.
    /// </summary>
    /// <exception cref="ArgumentException">The instrument is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A price is not positive.</exception>
    public void UpdateMarkPrice(string symbol, decimal markPrice, decimal? indexPrice = null)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        lock (_gate)
        {
            _margin.SetMark(symbol, markPrice, indexPrice);
            _funding.Settle();
            _funding.Sample(symbol, markPrice, indexPrice ?? markPrice);
            _liquidator.LiquidateDue();
        }
    }

    /// <summary>An account's open (non-flat) Futures positions, in symbol order.</summary>
    public IReadOnlyList<FuturesPosition> Positions(string account)
    {
        lock (_gate)
        {
            return [.. _margin.Positions(account)];
        }
    }

    /// <summary>An account's margin figures at the current mark prices (its flex collateral, positions and open Futures orders only).</summary>
    public MarginSummary Margin(string account)
    {
        lock (_gate)
        {
            return _margin.Summary(account);
        }
    }

    /// <summary>Liquidates <paramref name="account"/> now if its equity is below its maintenance margin; true if it did.</summary>
    public bool LiquidateIfDue(string account)
    {
        lock (_gate)
        {
            return _liquidator.LiquidateIfDue(account);
        }
    }

    /// <summary>The self-trade strategy of <paramref name="account"/>'s family (its master's); the default <c>REJECT_TAKER</c>.</summary>
    public FuturesSelfTradeStrategy SelfTradeStrategy(string account)
    {
        lock (_gate)
        {
            return _selfTrade.Of(account);
        }
    }

    /// <summary>Sets the self-trade strategy of <paramref name="account"/>'s family (its master's), for orders placed from now on.</summary>
    public SandboxResult<FuturesSelfTradeStrategy> SetSelfTradeStrategy(string account, FuturesSelfTradeStrategy strategy)
    {
        lock (_gate)
        {
            if (_accounts.Find(account) is null)
            {
                return SandboxResult<FuturesSelfTradeStrategy>.Fail(SandboxRejection.UnknownAccount, $"account '{account}' does not exist");
            }

            _selfTrade.Set(account, strategy);
            return SandboxResult<FuturesSelfTradeStrategy>.Ok(strategy);
        }
    }

    /// <summary>An account's leverage preference per instrument, every instrument listed: a number (fixed) or null (cross).</summary>
    public IReadOnlyList<(string Symbol, decimal? MaxLeverage)> LeveragePreferences(string account)
    {
        lock (_gate)
        {
            return _leverage.Of(account);
        }
    }

    /// <summary>
    /// Sets an account's leverage preference on one instrument: <paramref name="maxLeverage"/> a fixed maximum from 1 to
    /// <see cref="MaxLeverage"/>, or null for cross margin. Refusals: <see cref="SandboxRejection.UnknownAccount"/>,
    /// <see cref="SandboxRejection.UnknownPair"/>, <see cref="SandboxRejection.InvalidAmount"/> (out of range).
    /// </summary>
    public SandboxResult<decimal?> SetLeveragePreference(string account, string symbol, decimal? maxLeverage)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(symbol);
        if (Assets.InstrumentCatalog.Find(symbol) is not { } spec)
        {
            return SandboxResult<decimal?>.Fail(SandboxRejection.UnknownPair, $"'{symbol}' is not a Futures instrument");
        }

        if (maxLeverage is { } wanted && (wanted < 1m || wanted > MaxLeverage(spec.Symbol)))
        {
            return SandboxResult<decimal?>.Fail(SandboxRejection.InvalidAmount, $"leverage {wanted} is outside 1 to {MaxLeverage(spec.Symbol)}");
        }

        lock (_gate)
        {
            if (_accounts.Find(account) is null)
            {
                return SandboxResult<decimal?>.Fail(SandboxRejection.UnknownAccount, $"account '{account}' does not exist");
            }

            _leverage.Set(account, spec.Symbol, maxLeverage);
            return SandboxResult<decimal?>.Ok(maxLeverage);
        }
    }
}
