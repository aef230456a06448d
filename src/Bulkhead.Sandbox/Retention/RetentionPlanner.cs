using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Retention;

/// <summary>
/// Plans a retention pass: which history nobody can query any more may go, so a sandbox left running for weeks stays
/// bounded. What goes: closed orders, trades and ledger entries past their accounts' windows (<see cref="RetentionOptions"/>).
/// What stays: open orders; every balance (the newest ledger entry of each account, wallet and asset is never removed, and a
/// movement is removed whole — all entries of one refid — so every refid still sums to zero); both sides of a fill
/// together; futures positions (a position's removed trades are folded into a <see cref="PositionCarry"/>, and only a
/// prefix of an account's trades in a symbol is ever removed, so replaying carry + remaining trades gives the same
/// position). It only reads the components; the exchange has the store compact and each component drop its part.
/// </summary>
internal sealed class RetentionPlanner(TradingCore trading, LedgerBook ledger, MarginBook margin)
{
    public SandboxCompaction Plan(DateTimeOffset now, RetentionOptions options)
    {
        var systemCut = now - options.SystemHistory;
        var accountCut = options.AccountHistory is { } history ? now - history : DateTimeOffset.MinValue;
        var latest = systemCut > accountCut ? systemCut : accountCut;
        bool Past(string account, DateTimeOffset time) => time < (account.StartsWith('@') ? systemCut : accountCut);

        // Fills: both sides past their windows. Trades are in time order: stop at the first too recent for any window.
        var sides = new Dictionary<string, List<SandboxTrade>>(StringComparer.Ordinal);
        foreach (var trade in trading.AllTradesView)
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
            foreach (var trades in trading.TradesByAccount.Values)
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
        foreach (var trade in trading.AllTradesView)
        {
            if (trade.Venue != TradingVenue.Futures || !removable.Contains(trade.Id))
            {
                continue;
            }

            var key = (trade.Account, trade.Symbol);
            var position = carried.GetValueOrDefault(key) ?? margin.Carries.GetValueOrDefault(key) ?? FuturesPosition.Flat(trade.Symbol, trade.Time);
            carried[key] = position.Apply(trade.Side == Matching.Side.Buy ? trade.Volume : -trade.Volume, trade.Price, trade.Time, FuturesSettlement.UsdDecimals).Position;
        }

        compaction.Carries.AddRange(carried.Select(c => new PositionCarry(c.Key.Account, c.Value)));
    }

    private void PlanOrders(HashSet<string> removedFills, Func<string, DateTimeOffset, bool> past, SandboxCompaction compaction)
    {
        foreach (var (account, ids) in trading.OrderIdsByAccount)
        {
            foreach (var id in ids)
            {
                var order = trading.Orders[id];
                if (order.IsOpen || order.ClosedAt is not { } closed || !past(account, closed))
                {
                    continue;
                }

                if (trading.TradesByOrder.TryGetValue(id, out var fills) && !fills.TrueForAll(t => removedFills.Contains(t.Id)))
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
        foreach (var (account, entries) in ledger.EntriesByAccount)
        {
            var seen = new HashSet<(Wallet, string)>();
            var wanted = ledger.BalanceCount(account);
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
        foreach (var entry in ledger.Entries)
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

    private static void Append<T>(Dictionary<string, List<T>> index, string key, T item)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(item);
    }
}
