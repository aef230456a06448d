using System.Collections.Immutable;
using System.Globalization;
using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Limits;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Fleet.Planning;

/// <summary>
/// The fleet's rate budgets as Kraken counts them (shared/kraken/spot.md §3, futures.md §3, websocket.md §9), from
/// Bulkhead.Kraken's tables at the master's tier: per Spot key its own REST call counter, and — for a key that holds
/// "Access WebSockets API" — its WebSocket connections and each connection's requests; per account and pair the Spot
/// trading counter shared by the REST and WebSocket order entry of every key that may trade; per Futures account the
/// derivatives and history budgets shared by all its keys.
/// </summary>
public static class PlanBudgets
{
    private const SpotPermission Trading = SpotPermission.ModifyOrders | SpotPermission.CancelCloseOrders;

    /// <summary>The budgets of the keys in <paramref name="environment"/>, account by account (master first), the account's shared budgets before its keys'.</summary>
    public static ImmutableArray<PlanBudget> For(FleetManifest manifest, string environment)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var tier = manifest.Master.Tier;
        var budgets = ImmutableArray.CreateBuilder<PlanBudget>();
        var accounts = manifest.Subaccounts.Select(s => s.Name).Prepend(manifest.Master.Name);
        foreach (var account in accounts)
        {
            var keys = manifest.Keys.Where(k => k.Account == account && k.IsIn(environment)).ToList();
            var spot = keys.Where(k => k.Venue == Venue.Spot).ToList();
            var futures = keys.Where(k => k.Venue == Venue.Futures).Select(k => k.Name).ToImmutableArray();
            AddTrading(budgets, manifest, account, [.. spot.Where(k => (KeyPermissions.Held(manifest, k).Spot & Trading) != 0).Select(k => k.Name)], tier);
            if (!futures.IsEmpty)
            {
                budgets.Add(new PlanBudget("futures-derivatives", "account", account, null, FuturesLimits.DerivativesBudget,
                    Text($"cost per {FuturesLimits.DerivativesWindow.TotalSeconds} s, each endpoint its cost"), KrakenErrors.FuturesApiLimitExceeded, futures));
                budgets.Add(new PlanBudget("futures-history", "account", account, null, FuturesLimits.HistoryCapacity,
                    Text($"tokens, {FuturesLimits.HistoryRefillAmount} back per {FuturesLimits.HistoryRefillPeriod.TotalMinutes} min"), "HTTP 429", futures));
            }

            foreach (var key in spot)
            {
                AddKey(budgets, manifest, key, tier);
            }
        }

        return budgets.ToImmutable();
    }

    private static void AddTrading(ImmutableArray<PlanBudget>.Builder budgets, FleetManifest manifest, string account, ImmutableArray<string> traders, SpotTier tier)
    {
        if (traders.IsEmpty)
        {
            return;
        }

        var limits = SpotTradingLimits.For(tier);
        var rate = Text($"decays {limits.DecayPerSecond}/s; {limits.MaxOpenOrdersPerPair} open orders per pair; REST and WebSocket order entry charge it alike");
        var pairs = manifest.Strategies.Where(s => s.Account == account).SelectMany(s => s.Pairs).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var pair in pairs.Count == 0 ? [null] : pairs.Cast<string?>())
        {
            budgets.Add(new PlanBudget("spot-trading", "account-pair", account, pair, limits.Threshold, rate, KrakenErrors.OrderRateLimitExceeded, traders));
        }
    }

    private static void AddKey(ImmutableArray<PlanBudget>.Builder budgets, FleetManifest manifest, FleetKey key, SpotTier tier)
    {
        var rest = SpotRestLimits.For(tier);
        budgets.Add(new PlanBudget("spot-rest", "key", key.Account, null, rest.Maximum,
            Text($"decays {rest.DecayPerSecond}/s; the fleet books {AccountBudgets.SpotRest(tier).Maximum} of it"), KrakenErrors.RateLimitExceeded, [key.Name]));
        if ((KeyPermissions.Held(manifest, key).Spot & SpotPermission.AccessWebSocketsApi) == 0)
        {
            return;
        }

        var sockets = SocketLimits.Default;
        budgets.Add(new PlanBudget("websocket-connections", "key", key.Account, null, sockets.MaxConnectionsPerAddress,
            "open at once (counted per address: processes on one host share them)", "HTTP 429", [key.Name]));
        budgets.Add(new PlanBudget("websocket-messages", "connection", key.Account, null, sockets.MessageBurst,
            Text($"requests in a burst, then {sockets.MessagesPerSecond}/s"), SocketErrors.ExceededMessageRate, [key.Name]));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
