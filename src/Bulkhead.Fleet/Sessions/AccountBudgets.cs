using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Limits;

namespace Bulkhead.Fleet.Sessions;

/// <summary>
/// The rate budgets every <see cref="ProcessSession"/> of an account shares through the coordination store, as the
/// sessions lay them out (state keys <c>ENVIRONMENT/ACCOUNT/…</c>; the Spot REST counter kept
/// <see cref="ProcessSessionOptions.BudgetMargin"/> under Kraken's maximum): for monitors that read what is left.
/// </summary>
public static class AccountBudgets
{
    /// <summary>The name an account's rate states are kept under: <c>ENVIRONMENT/ACCOUNT</c> (Kraken counts per account, so every key on it shares them).</summary>
    public static string StateAccount(string environment, string account)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        return environment + "/" + account;
    }

    /// <summary>The fleet's Spot REST budget of a tier: Kraken's counter less the sessions' margin.</summary>
    public static SpotRestLimits SpotRest(SpotTier tier)
    {
        var rest = SpotRestLimits.For(tier);
        return rest with { Maximum = rest.Maximum - ProcessSessionOptions.BudgetMargin };
    }

    /// <summary>
    /// What is left, now, of <paramref name="account"/>'s budgets: the Spot REST counter and the tightest trading
    /// budget — for a Spot account the trading counter of each of <paramref name="pairs"/> (the busiest wins), for a
    /// Futures account the <c>/derivatives</c> cost budget. Reading updates nothing but the states' decay.
    /// </summary>
    public static AccountHeadroom Read(IRateLimitStateStore store, string environment, string account, Venue venue, SpotTier tier, IEnumerable<string> pairs, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(time);
        var name = StateAccount(environment, account);
        // The limiters as ProcessSession lays them out: AccountRateLimits for the trading budgets, the fleet's Spot REST budget.
        var limits = new AccountRateLimits(name, tier, store, time);
        var rest = new SpotRestLimiter(name, SpotRest(tier), store, time).GetHeadroom();
        RateHeadroom trading;
        if (venue == Venue.Futures)
        {
            trading = limits.FuturesDerivatives.GetHeadroom();
        }
        else
        {
            var counters = pairs.Distinct(StringComparer.Ordinal).Select(p => limits.SpotTrading(p).GetHeadroom()).ToList();
            trading = counters.Count == 0 ? new RateHeadroom(SpotTradingLimiter.NamePrefix.TrimEnd('/'), 0m, limits.SpotTradingLimits.Threshold) : counters.MinBy(c => c.Fraction);
        }

        return new AccountHeadroom(account, rest, trading);
    }
}
