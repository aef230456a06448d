using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;
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
        var futures = run.Session.Key.Venue == Venue.Futures ? run.Session.CreateFuturesClient(run.Http, calls) : null;
        var spot = futures is null ? run.Session.CreateSpotClient(run.Http, calls) : null;
        ITradingVenue venue = futures is not null ? new FuturesTradingVenue(futures, run.Time) : new SpotTradingVenue(spot!, run.Time);
        var subaccount = run.Manifest.FindSubaccount(strategy.Account);
        var context = new StrategyContext(strategy, subaccount, run.Process.Name, venue, run.Journal, run.Time, run.Session.Guard, run.Status, run.Log);
        context.LoadJournal();

        var cancelled = await context.CancelAllAsync(token).ConfigureAwait(false);
        if (!cancelled.Success)
        {
            throw new WorkerHaltException(WorkerExitCodes.Crashed, $"cancel-all on {strategy.Account} failed: {cancelled.Error.Code}");
        }

        run.Log($"cancelled {cancelled.Value} open orders on {strategy.Account}");
        var orders = futures is not null
            ? await FuturesOrdersAsync(futures, strategy, token).ConfigureAwait(false)
            : await SpotOrdersAsync(spot!, strategy, subaccount, token).ConfigureAwait(false);
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
        run.Log($"flattened {strategy.Name}: {orders.Count} closing orders");
        run.Status.Write("stopping");
        return WorkerExitCodes.Stopped;
    }

    private static async Task<List<VenueOrderRequest>> FuturesOrdersAsync(FuturesRestClient client, Strategy strategy, CancellationToken cancellationToken)
    {
        var positions = await ((IPositionVenue)client).GetOpenPositionsAsync(cancellationToken).ConfigureAwait(false);
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

    private static async Task<List<VenueOrderRequest>> SpotOrdersAsync(SpotClient client, Strategy strategy, Subaccount? subaccount, CancellationToken cancellationToken)
    {
        var balances = await client.GetBalancesAsync(cancellationToken).ConfigureAwait(false);
        var pairs = await client.GetAssetPairsAsync(strategy.Pairs, cancellationToken).ConfigureAwait(false);
        if (!balances.Success || !pairs.Success)
        {
            throw new WorkerHaltException(WorkerExitCodes.Crashed, $"reading balances and pairs failed: {(balances.Error ?? pairs.Error)!.Code}");
        }

        var orders = new List<VenueOrderRequest>();
        var named = new SpotPairs(pairs.Value);
        foreach (var symbol in strategy.Pairs)
        {
            var info = named.Find(symbol);
            if (info is null)
            {
                continue;
            }

            var held = balances.Value.GetValueOrDefault(info.Base);
            var funded = subaccount?.Funding.GetValueOrDefault(info.Base) ?? 0m;
            var excess = decimal.Round(held - funded, info.LotDecimals, MidpointRounding.ToZero);
            if (Math.Abs(excess) < (info.OrderMinimum ?? 0m) || excess == 0m)
            {
                continue;
            }

            orders.Add(new VenueOrderRequest { Symbol = symbol, Side = excess > 0m ? OrderSide.Sell : OrderSide.Buy, Kind = VenueOrderKind.Market, Quantity = Math.Abs(excess) });
        }

        return orders;
    }
}
