using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Worker;

namespace Bulkhead.Runtime.Roles;

/// <summary>
/// The flattener (role <c>flattener</c>, one shot; <c>bulkhead flatten FILE STRATEGY</c>): cancels every open order of
/// the strategy's account, then closes its position — Futures: a reduce-only market order per open position of the
/// strategy's contracts; Spot: trades each pair's base balance back to the subaccount's manifest funding of that asset
/// (zero when none) at market — and journals the orders and fills under the strategy. Exit 0 when done.
/// </summary>
internal static class Flattener
{
    public static async Task<int> RunAsync(WorkerRun run, CancellationToken stop)
    {
        var strategy = run.Manifest.FindStrategy(run.Process.Strategy!)!;
        var calls = new CallTracker(run.Calls);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, run.Session.LeaseLost);
        var token = linked.Token;
        var opened = await WorkerVenue.OpenAsync(run, calls, strategy.Pairs, token).ConfigureAwait(false);
        await using var owned = opened.ConfigureAwait(false);
        var account = opened.Account;
        var venue = opened.Trading;
        var subaccount = run.Manifest.FindSubaccount(strategy.Account);
        var context = new StrategyContext(strategy, subaccount, run.Process.Name, venue, run.Journal, run.Time, run.Session.Guard, run.Status, run.Log);
        context.LoadJournal();

        var cancelled = await context.CancelAllAsync(token).ConfigureAwait(false);
        if (!cancelled.Success)
        {
            throw new WorkerHaltException(WorkerExitCodes.Crashed, $"cancel-all on {strategy.Account} failed: {cancelled.Error.Code}");
        }

        run.Log($"cancelled {cancelled.Value} open orders on {strategy.Account}");
        var orders = run.Session.AccountVenue == Venue.Futures
            ? await PositionOrdersAsync(account, strategy, token).ConfigureAwait(false)
            : await HoldingOrdersAsync(account, strategy, subaccount, token).ConfigureAwait(false);
        foreach (var order in orders)
        {
            var placed = await context.PlaceOrderAsync(order, token).ConfigureAwait(false);
            if (!placed.Success)
            {
                throw new WorkerHaltException(WorkerExitCodes.Crashed, $"closing {order.Quantity} {order.Symbol} failed: {placed.Error.Code}");
            }
        }

        // Market orders fill at once; journal their fills (and any the trader had not journaled yet).
        await Task.Delay(TimeSpan.FromMilliseconds(500), run.Time, token).ConfigureAwait(false);
        await context.PollFillsAsync(everything: false, token).ConfigureAwait(false);
        await context.SyncOpenOrdersAsync(token).ConfigureAwait(false); // an order acknowledged as placed (a socket's ack) and filled since → journaled Filled
        run.Log($"flattened {strategy.Name}: {orders.Count} closing orders");
        run.Status.Write("stopping");
        return WorkerExitCodes.Stopped;
    }

    /// <summary>A reduce-only market order closing each open position on the strategy's contracts.</summary>
    private static async Task<List<VenueOrderRequest>> PositionOrdersAsync(IPositionVenue account, Strategy strategy, CancellationToken cancellationToken)
    {
        var positions = await account.GetOpenPositionsAsync(cancellationToken).ConfigureAwait(false);
        if (!positions.Success)
        {
            throw new WorkerHaltException(WorkerExitCodes.Crashed, $"reading the open positions failed: {positions.Error.Code}");
        }

        return [.. positions.Value
            .Where(p => p.Size > 0m && strategy.Pairs.Contains(p.Symbol, StringComparer.OrdinalIgnoreCase))
            .Select(p => new VenueOrderRequest
            {
                Symbol = strategy.Pairs.First(s => string.Equals(s, p.Symbol, StringComparison.OrdinalIgnoreCase)),
                Side = p.Side == PositionSide.Long ? OrderSide.Sell : OrderSide.Buy,
                Kind = VenueOrderKind.Market,
                Quantity = p.Size,
                ReduceOnly = true,
            })];
    }

    /// <summary>A market order per pair trading its base holding back to the subaccount's manifest funding of it (zero when none).</summary>
    private static async Task<List<VenueOrderRequest>> HoldingOrdersAsync(IAccountVenue account, Strategy strategy, Subaccount? subaccount, CancellationToken cancellationToken)
    {
        var balances = await account.GetBalancesAsync(cancellationToken).ConfigureAwait(false);
        var instruments = await account.GetInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        if (!balances.Success || !instruments.Success)
        {
            throw new WorkerHaltException(WorkerExitCodes.Crashed, $"reading balances and instruments failed: {(balances.Error ?? instruments.Error)!.Code}");
        }

        var orders = new List<VenueOrderRequest>();
        foreach (var symbol in strategy.Pairs)
        {
            if (instruments.Value.FirstOrDefault(i => string.Equals(i.Symbol, symbol, StringComparison.OrdinalIgnoreCase)) is not { Base: { } asset } info)
            {
                continue;
            }

            var held = balances.Value.Balances.Where(b => b.Currency == asset).Sum(b => b.Quantity);
            var funded = subaccount?.Funding.GetValueOrDefault(asset) ?? 0m;
            var step = info.QuantityStep ?? 0m;
            var excess = step > 0m ? decimal.Truncate((held - funded) / step) * step : held - funded;
            if (excess == 0m || Math.Abs(excess) < (info.MinimumQuantity ?? 0m))
            {
                continue;
            }

            orders.Add(new VenueOrderRequest { Symbol = symbol, Side = excess > 0m ? OrderSide.Sell : OrderSide.Buy, Kind = VenueOrderKind.Market, Quantity = Math.Abs(excess) });
        }

        return orders;
    }
}
