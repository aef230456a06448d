using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Fees;

/// <summary>
/// Fee tiers on consolidated volume: a master and all its subaccounts share one 30-day USD volume per venue, the sum of
/// the admin-set <see cref="SandboxAccount.VolumeUsd30d"/> of each and the USD value of their own trades in the trailing
/// <see cref="Window"/> (by the exchange's clock). System accounts pay no fee and have no volume. Owns the volume points
/// of every account; not thread-safe (the exchange calls it under its lock).
/// </summary>
internal sealed class FeeVolumes(AccountDirectory accounts, TimeProvider time)
{
    /// <summary>The fee window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    // Retention keeps one day more than the window, so the point before the window's start is always there.
    private static readonly TimeSpan Kept = Window + TimeSpan.FromDays(1);

    // Per account and venue: (trade time, running total of USD volume), in time order.
    private readonly Dictionary<(string Account, TradingVenue Venue), List<(DateTimeOffset Time, decimal Total)>> _volumes = [];

    /// <summary>The fee table of a venue.</summary>
    public static FeeSchedule ScheduleOf(TradingVenue venue) => venue == TradingVenue.Spot ? FeeSchedules.Spot : FeeSchedules.Futures;

    /// <summary>The fee percentage the account pays now as maker or taker on a venue (0 for system accounts).</summary>
    public decimal Percent(string account, TradingVenue venue, bool maker) =>
        account.StartsWith('@') ? 0m : ScheduleOf(venue).PercentFor(Consolidated(account, venue), maker);

    /// <summary>The 30-day USD volume of the account's master and all its subaccounts on one venue (0 for system accounts).</summary>
    public decimal Consolidated(string account, TradingVenue venue)
    {
        if (accounts.Find(account) is null)
        {
            return 0m;
        }

        var since = time.GetUtcNow() - Window;
        var total = 0m;
        foreach (var member in accounts.Family(account))
        {
            total += member.VolumeUsd30d + TradedSince(member.Name, venue, since);
        }

        return total;
    }

    /// <summary>Adds committed trades' USD volume (every trade at start-up, then each commit's).</summary>
    public void Apply(IReadOnlyList<SandboxTrade> trades)
    {
        foreach (var trade in trades)
        {
            var key = (trade.Account, trade.Venue);
            if (!_volumes.TryGetValue(key, out var list))
            {
                _volumes[key] = list = [];
            }

            list.Add((trade.Time, (list.Count == 0 ? 0m : list[^1].Total) + trade.UsdVolume));
        }
    }

    /// <summary>Drops volume points older than the window needs, keeping the last one before it as the base (retention).</summary>
    public void Prune(DateTimeOffset now)
    {
        var cut = now - Kept;
        foreach (var list in _volumes.Values)
        {
            var older = 0;
            while (older < list.Count && list[older].Time < cut)
            {
                older++;
            }

            if (older > 1)
            {
                list.RemoveRange(0, older - 1);
            }
        }
    }

    private decimal TradedSince(string account, TradingVenue venue, DateTimeOffset since)
    {
        if (!_volumes.TryGetValue((account, venue), out var list) || list.Count == 0)
        {
            return 0m;
        }

        // The last entry at or before `since` holds the total of everything outside the window.
        int lo = 0, hi = list.Count - 1, before = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (list[mid].Time <= since)
            {
                before = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return list[^1].Total - (before < 0 ? 0m : list[before].Total);
    }
}
