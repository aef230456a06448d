using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Limits;

namespace Bulkhead.Fleet.Sessions;

/// <summary>
/// The rate budgets of an account's <see cref="ProcessSession"/>s in the coordination store, as the sessions lay them out
/// (state keys <c>ENVIRONMENT/ACCOUNT/…</c>): the trading counters and Futures budgets shared by every key of the account,
/// and each key's own Spot REST counter (<c>ENVIRONMENT/ACCOUNT/spot-rest/KEY</c>, kept
/// <see cref="ProcessSessionOptions.BudgetMargin"/> under Kraken's maximum): for monitors that read what is left.
/// </summary>
public static class AccountBudgets
{
    /// <summary>The name an account's rate states are kept under: <c>ENVIRONMENT/ACCOUNT</c> (the sandbox and production never share one).</summary>
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
    /// What is left, now, of <paramref name="account"/>'s budgets: the tightest trading budget — for a Spot account the
    /// trading counter of each of <paramref name="pairs"/> (the busiest wins), for a Futures account the
    /// <c>/derivatives</c> cost budget — and the own Spot REST counter of each of <paramref name="spotKeys"/> (the
    /// manifest's names of the account's Spot keys). Reading updates nothing but the states' decay.
    /// </summary>
    public static AccountHeadroom Read(IRateLimitStateStore store, string environment, string account, Venue venue, SpotTier tier, IEnumerable<string> pairs, IEnumerable<string> spotKeys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(spotKeys);
        ArgumentNullException.ThrowIfNull(time);

        // The limiters as ProcessSession lays them out.
        var limits = new AccountRateLimits(StateAccount(environment, account), tier, store, time, SpotRest(tier));
        var rest = spotKeys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, k => limits.SpotRest(k).GetHeadroom(), StringComparer.Ordinal);
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

        return new AccountHeadroom(account, trading, rest);
    }
}
