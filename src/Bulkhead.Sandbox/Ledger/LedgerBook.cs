using Bulkhead.Sandbox.Assets;

namespace Bulkhead.Sandbox.Ledger;

/// <summary>
/// The double-entry ledger: every entry in booking order, each account's entries, and the balances they leave (the
/// newest entry's <see cref="LedgerEntry.Balance"/> per account, wallet and asset). Entries are made only by a
/// <see cref="LedgerPosting"/> (the one booking path), every change set is checked by <see cref="EnsureBalanced"/> before
/// the store writes it, and entries enter the book only through <see cref="Apply"/> once written. Not thread-safe: the
/// exchange calls it under its lock.
/// </summary>
internal sealed class LedgerBook
{
    private readonly List<LedgerEntry> _entries = [];
    private readonly Dictionary<string, List<LedgerEntry>> _byAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<(Wallet Wallet, string Asset), decimal>> _balances = new(StringComparer.Ordinal);
    private long _lastSequence;

    /// <summary>The sequence of the newest entry (0 when there is none yet).</summary>
    public long LastSequence => _lastSequence;

    /// <summary>How many entries the book holds.</summary>
    public int Count => _entries.Count;

    /// <summary>Every entry, oldest first (retention reads it; callers must not keep it across a commit).</summary>
    internal IReadOnlyList<LedgerEntry> Entries => _entries;

    /// <summary>Each account's entries, oldest first (retention reads them).</summary>
    internal IReadOnlyDictionary<string, List<LedgerEntry>> EntriesByAccount => _byAccount;

    /// <summary>
    /// Checks that every movement in <paramref name="entries"/> balances: per refid and asset, the entries' balance changes
    /// (amount − fee) sum to zero. Throws before anything is written when one does not: an unbalanced posting is a bug.
    /// </summary>
    /// <exception cref="InvalidOperationException">A refid does not balance in an asset.</exception>
    public static void EnsureBalanced(IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var sums = new Dictionary<(string RefId, string Asset), decimal>();
        foreach (var entry in entries)
        {
            var key = (entry.RefId, entry.Asset);
            sums[key] = sums.GetValueOrDefault(key) + Change(entry);
        }

        foreach (var ((refId, asset), sum) in sums)
        {
            if (sum != 0m)
            {
                throw new InvalidOperationException($"Ledger movement {refId} does not balance in {asset} (its entries sum to {sum}); nothing was written.");
            }
        }
    }

    /// <summary>How much an entry moves its balance: the amount less the fee (Kraken's convention).</summary>
    public static decimal Change(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Amount - entry.Fee;
    }

    /// <summary>Starts a posting that appends its entries to <paramref name="into"/> (a change set's entries).</summary>
    public LedgerPosting Begin(DateTimeOffset now, List<LedgerEntry> into) => new(this, now, into);

    /// <summary>An account's balance of one asset in one wallet as committed (0 when it has none).</summary>
    public decimal Balance(string account, Wallet wallet, string asset) =>
        _balances.TryGetValue(account, out var balances) ? balances.GetValueOrDefault((wallet, asset)) : 0m;

    /// <summary>An account's non-zero balances in one wallet, by asset id.</summary>
    public Dictionary<string, decimal> Balances(string account, Wallet wallet)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (_balances.TryGetValue(account, out var balances))
        {
            foreach (var ((entryWallet, asset), balance) in balances)
            {
                if (entryWallet == wallet && balance != 0m)
                {
                    result[asset] = balance;
                }
            }
        }

        return result;
    }

    /// <summary>How many (wallet, asset) balances an account has (each carried by its newest entry).</summary>
    public int BalanceCount(string account) => _balances.TryGetValue(account, out var balances) ? balances.Count : 0;

    /// <summary>One account's entries, newest first, filtered.</summary>
    public List<LedgerEntry> Query(string account, LedgerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!_byAccount.TryGetValue(account, out var entries))
        {
            return [];
        }

        var assets = query.Assets is { Count: > 0 } list ? list.Select(a => AssetCatalog.Find(a)?.Id ?? a).ToHashSet(StringComparer.Ordinal) : null;
        return [.. Enumerable.Reverse(entries)
            .Where(e => query.Wallet is null || e.Wallet == query.Wallet)
            .Where(e => assets is null || assets.Contains(e.Asset))
            .Where(e => query.Type is null || e.Type == query.Type)
            .Where(e => query.Start is null || e.Time > query.Start)
            .Where(e => query.End is null || e.Time <= query.End)
            .Skip(Math.Max(0, query.Offset))
            .Take(Math.Clamp(query.Limit, 0, 1000))];
    }

    /// <summary>One account's entries by id.</summary>
    public List<LedgerEntry> ById(string account, IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return _byAccount.TryGetValue(account, out var entries) ? [.. entries.Where(e => ids.Contains(e.Id))] : [];
    }

    /// <summary>Per asset, the sum of the balances of the accounts <paramref name="which"/> selects, over all wallets.</summary>
    public Dictionary<string, decimal> SumByAsset(Func<string, bool> which)
    {
        ArgumentNullException.ThrowIfNull(which);
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (account, balances) in _balances)
        {
            if (!which(account))
            {
                continue;
            }

            foreach (var ((_, asset), balance) in balances)
            {
                sums[asset] = sums.GetValueOrDefault(asset) + balance;
            }
        }

        return sums;
    }

    /// <summary>Every entry of one movement (all accounts), in booking order; empty if unknown.</summary>
    public List<LedgerEntry> Movement(string refId) => [.. _entries.Where(e => string.Equals(e.RefId, refId, StringComparison.Ordinal))];

    /// <summary>Every entry, in booking order (a copy).</summary>
    public List<LedgerEntry> All() => [.. _entries];

    /// <summary>Refids whose entries do not sum to zero per asset: always empty unless there is a bug (or a damaged store).</summary>
    public List<string> Unbalanced() =>
        [.. _entries.GroupBy(e => (e.RefId, e.Asset)).Where(g => g.Sum(Change) != 0).Select(g => g.Key.RefId).Distinct(StringComparer.Ordinal)];

    /// <summary>Adds written entries to the book (at start-up: every stored entry, in sequence order).</summary>
    public void Apply(IReadOnlyList<LedgerEntry> entries)
    {
        foreach (var entry in entries)
        {
            _entries.Add(entry);
            if (!_byAccount.TryGetValue(entry.Account, out var list))
            {
                _byAccount[entry.Account] = list = [];
            }

            list.Add(entry);
            if (!_balances.TryGetValue(entry.Account, out var balances))
            {
                _balances[entry.Account] = balances = [];
            }

            balances[(entry.Wallet, entry.Asset)] = entry.Balance;
            _lastSequence = Math.Max(_lastSequence, entry.Sequence);
        }
    }

    /// <summary>Drops compacted entries (retention); balances are untouched, as the newest entry of each is never compacted.</summary>
    public void Remove(IReadOnlySet<long> sequences)
    {
        _entries.RemoveAll(e => sequences.Contains(e.Sequence));
        foreach (var list in _byAccount.Values)
        {
            list.RemoveAll(e => sequences.Contains(e.Sequence));
        }
    }
}
