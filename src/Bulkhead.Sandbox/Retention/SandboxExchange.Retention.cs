using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Retention;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Trading;

#pragma warning disable IDE0130 // One class split by concern across the concept folders (to be split into components).
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

/// <summary>
/// Retention: removes history nobody can query any more, so a sandbox left running for weeks stays bounded. What goes:
/// closed orders, trades and ledger entries past their accounts' windows (<see cref="RetentionOptions"/>). What stays:
/// open orders; every balance (the newest ledger entry of each account, wallet and asset is never removed, and a
/// movement is removed whole — all entries of one refid — so every refid still sums to zero); both sides of a fill
/// together; futures positions (a position's removed trades are folded into a <see cref="PositionCarry"/>, and only a
/// prefix of an account's trades in a symbol is ever removed, so replaying carry + remaining trades gives the same
/// position); the 30-day fee volume.
/// </summary>
public sealed partial class SandboxExchange
{
    private static readonly TimeSpan VolumeWindow = TimeSpan.FromDays(31);
    private readonly Dictionary<(string Account, string Symbol), FuturesPosition> _carries = [];

    /// <summary>Runs one retention pass at the exchange's current time; answers what it removed.</summary>
    public SandboxCompaction Compact(RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var compaction = Plan(now, options);
            if (!compaction.IsEmpty)
            {
                _store.Compact(compaction);
                Remove(compaction);
            }

            PruneVolumes(now);
            return compaction;
        }
    }

    /// <summary>How many trades, ledger entries and orders the exchange holds (for retention's tests and the soak).</summary>
    public (int Trades, int Entries, int Orders) HistorySize()
    {
        lock (_gate)
        {
            return (_trades.Count, _ledger.Count, _orders.Count);
        }
    }

    private void LoadCarries(IReadOnlyList<PositionCarry>? carries)
    {
        foreach (var carry in carries ?? [])
        {
            _carries[(carry.Account, carry.Position.Symbol)] = carry.Position;
            _positions[(carry.Account, carry.Position.Symbol)] = carry.Position;
        }
    }

    private SandboxCompaction Plan(DateTimeOffset now, RetentionOptions options)
    {
        var systemCut = now - options.SystemHistory;
        var accountCut = options.AccountHistory is { } history ? now - history : DateTimeOffset.MinValue;
        var latest = systemCut > accountCut ? systemCut : accountCut;
        bool Past(string account, DateTimeOffset time) => time < (account.StartsWith('@') ? systemCut : accountCut);

        // Fills: both sides past their windows. Trades are in time order: stop at the first too recent for any window.
        var sides = new Dictionary<string, List<SandboxTrade>>(StringComparer.Ordinal);
        foreach (var trade in _trades)
        {
            if (trade.Time >= latest)
            {
                break;
            }

            Append(sides, trade.Id, trade);
        }

        var removable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, fill) in sides)
        {
            if (fill.TrueForAll(t => Past(t.Account, t.Time)))
            {
                removable.Add(id);
            }
        }

        KeepFuturesPrefixes(removable);
        var compaction = new SandboxCompaction();
        foreach (var id in removable)
        {
            compaction.Trades.AddRange(sides[id].Select(t => t.Sequence));
        }

        compaction.Trades.Sort();
        CarryPositions(removable, compaction);
        PlanOrders(removable, Past, compaction);
        PlanEntries(latest, Past, compaction);
        return compaction;
    }

    // Only a prefix of an account's futures trades in one symbol may go (positions replay in order); a fill stays whole.
    private void KeepFuturesPrefixes(HashSet<string> removable)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var trades in _tradesByAccount.Values)
            {
                var blocked = new HashSet<string>(StringComparer.Ordinal);
                foreach (var trade in trades)
                {
                    if (trade.Venue != TradingVenue.Futures)
                    {
                        continue;
                    }

                    if (blocked.Contains(trade.Symbol) || !removable.Contains(trade.Id))
                    {
                        blocked.Add(trade.Symbol);
                        changed |= removable.Remove(trade.Id);
                    }
                }
            }
        }
    }

    private void CarryPositions(HashSet<string> removable, SandboxCompaction compaction)
    {
        var carried = new Dictionary<(string Account, string Symbol), FuturesPosition>();
        foreach (var trade in _trades)
        {
            if (trade.Venue != TradingVenue.Futures || !removable.Contains(trade.Id))
            {
                continue;
            }

            var key = (trade.Account, trade.Symbol);
            var position = carried.GetValueOrDefault(key) ?? _carries.GetValueOrDefault(key) ?? FuturesPosition.Flat(trade.Symbol, trade.Time);
            carried[key] = position.Apply(trade.Side == Matching.Side.Buy ? trade.Volume : -trade.Volume, trade.Price, trade.Time, FuturesSettlement.UsdDecimals).Position;
        }

        compaction.Carries.AddRange(carried.Select(c => new PositionCarry(c.Key.Account, c.Value)));
    }

    private void PlanOrders(HashSet<string> removedFills, Func<string, DateTimeOffset, bool> past, SandboxCompaction compaction)
    {
        foreach (var (account, ids) in _ordersByAccount)
        {
            foreach (var id in ids)
            {
                var order = _orders[id];
                if (order.IsOpen || order.ClosedAt is not { } closed || !past(account, closed))
                {
                    continue;
                }

                if (_tradesByOrder.TryGetValue(id, out var fills) && !fills.TrueForAll(t => removedFills.Contains(t.Id)))
                {
                    continue;
                }

                compaction.Orders.Add(id);
            }
        }
    }

    private void PlanEntries(DateTimeOffset latest, Func<string, DateTimeOffset, bool> past, SandboxCompaction compaction)
    {
        // The newest entry of each account, wallet and asset carries its balance: never removed.
        var carriers = new HashSet<long>();
        foreach (var (account, entries) in _ledger.EntriesByAccount)
        {
            var seen = new HashSet<(Wallet, string)>();
            var wanted = _ledger.BalanceCount(account);
            for (var i = entries.Count - 1; i >= 0 && seen.Count < wanted; i--)
            {
                if (seen.Add((entries[i].Wallet, entries[i].Asset)))
                {
                    carriers.Add(entries[i].Sequence);
                }
            }
        }

        var groups = new Dictionary<string, List<LedgerEntry>>(StringComparer.Ordinal);
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in _ledger.Entries)
        {
            if (entry.Time >= latest)
            {
                blocked.Add(entry.RefId);
                continue;
            }

            if (carriers.Contains(entry.Sequence) || !past(entry.Account, entry.Time))
            {
                blocked.Add(entry.RefId);
            }

            Append(groups, entry.RefId, entry);
        }

        foreach (var (refId, entries) in groups)
        {
            if (!blocked.Contains(refId))
            {
                compaction.Entries.AddRange(entries.Select(e => e.Sequence));
            }
        }

        compaction.Entries.Sort();
    }

    private void Remove(SandboxCompaction compaction)
    {
        var trades = compaction.Trades.ToHashSet();
        var entries = compaction.Entries.ToHashSet();
        _trades.RemoveAll(t => trades.Contains(t.Sequence));
        foreach (var list in _tradesByAccount.Values)
        {
            list.RemoveAll(t => trades.Contains(t.Sequence));
        }

        foreach (var id in compaction.Orders)
        {
            if (_orders.Remove(id, out var order))
            {
                _ordersByAccount[order.Account].Remove(id);
            }

            _tradesByOrder.Remove(id);
        }

        foreach (var list in _tradesByOrder.Values)
        {
            list.RemoveAll(t => trades.Contains(t.Sequence));
        }

        _ledger.Remove(entries);

        foreach (var carry in compaction.Carries)
        {
            _carries[(carry.Account, carry.Position.Symbol)] = carry.Position;
        }
    }

    // The fee volume needs 30 days: older points go, keeping the last one before the window as the base.
    private void PruneVolumes(DateTimeOffset now)
    {
        var cut = now - VolumeWindow;
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
}
