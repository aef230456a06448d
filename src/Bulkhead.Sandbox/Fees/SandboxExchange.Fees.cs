using Bulkhead.Sandbox.Fees;
using Bulkhead.Sandbox.Trading;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

/// <summary>
/// Fee tiers on consolidated volume: a master and all its subaccounts share one 30-day USD volume per venue, the sum of
/// the admin-set <see cref="Accounts.SandboxAccount.VolumeUsd30d"/> of each and the USD value of their own trades in the
/// trailing 30 days (by the exchange's clock). Maker or taker is decided by which side rested. System accounts pay no fee.
/// </summary>
public sealed partial class SandboxExchange
{
    /// <summary>The fee window.</summary>
    public static readonly TimeSpan FeeWindow = TimeSpan.FromDays(30);

    // Per account and venue: (trade time, running total of USD volume), in time order.
    private readonly Dictionary<(string Account, TradingVenue Venue), List<(DateTimeOffset Time, decimal Total)>> _volumes = [];

    /// <summary>The fee table of a venue.</summary>
    public static FeeSchedule FeeScheduleOf(TradingVenue venue) => venue == TradingVenue.Spot ? FeeSchedules.Spot : FeeSchedules.Futures;

    /// <summary>The 30-day USD volume of the account's master and all its subaccounts on one venue (0 for system accounts).</summary>
    public decimal ConsolidatedVolumeUsd(string account, TradingVenue venue)
    {
        lock (_gate)
        {
            return ConsolidatedVolumeLocked(account, venue);
        }
    }

    /// <summary>The fee percentage the account pays now as maker or taker on a venue.</summary>
    public decimal FeePercent(string account, TradingVenue venue, bool maker)
    {
        lock (_gate)
        {
            return FeePercentLocked(account, venue, maker);
        }
    }

    private decimal FeePercentLocked(string account, TradingVenue venue, bool maker) =>
        account.StartsWith('@') ? 0m : FeeScheduleOf(venue).PercentFor(ConsolidatedVolumeLocked(account, venue), maker);

    private decimal ConsolidatedVolumeLocked(string account, TradingVenue venue)
    {
        if (_accounts.Find(account) is not { } found)
        {
            return 0m;
        }

        var master = found.Master ?? found.Name;
        var since = _time.GetUtcNow() - FeeWindow;
        var total = 0m;
        foreach (var member in _accounts.Family(master))
        {
            total += member.VolumeUsd30d + TradedSince(member.Name, venue, since);
        }

        return total;
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

    private void AddVolume(SandboxTrade trade)
    {
        var key = (trade.Account, trade.Venue);
        if (!_volumes.TryGetValue(key, out var list))
        {
            _volumes[key] = list = [];
        }

        list.Add((trade.Time, (list.Count == 0 ? 0m : list[^1].Total) + trade.UsdVolume));
    }
}
