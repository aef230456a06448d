using System.Security.Cryptography;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

public sealed partial class SandboxExchange
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static readonly decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>An account's non-zero balances in one wallet, by asset id.</summary>
    public IReadOnlyDictionary<string, decimal> Balances(string account, Wallet wallet)
    {
        lock (_gate)
        {
            return _balances.Where(b => b.Key.Account == account && b.Key.Wallet == wallet && b.Value != 0)
                .ToDictionary(b => b.Key.Asset, b => b.Value, StringComparer.Ordinal);
        }
    }

    /// <summary>Books an external deposit into a wallet; returns the movement's refid.</summary>
    public SandboxResult<string> Deposit(string account, Wallet wallet, string asset, decimal amount)
    {
        lock (_gate)
        {
            if (Check(account, asset, amount) is { } refused)
            {
                return refused;
            }

            var id = AssetCatalog.Find(asset)!.Id;
            return Post(LedgerEntryType.Deposit, (SystemAccounts.External, wallet, id, -amount), (account, wallet, id, amount));
        }
    }

    /// <summary>Books a withdrawal to outside. Only a master may withdraw: subaccounts cannot (Kraken), so funds leave via the master.</summary>
    public SandboxResult<string> Withdraw(string account, Wallet wallet, string asset, decimal amount)
    {
        lock (_gate)
        {
            if (Check(account, asset, amount) is { } refused)
            {
                return refused;
            }

            if (!_accountsByName[account].IsMaster)
            {
                return SandboxResult<string>.Fail(SandboxRejection.NotMaster, $"'{account}' is a subaccount; subaccounts cannot withdraw: transfer to the master '{_accountsByName[account].Master}' first");
            }

            var id = AssetCatalog.Find(asset)!.Id;
            if (Available(account, wallet, id) < amount)
            {
                return InsufficientFunds(account, wallet, id, amount);
            }

            return Post(LedgerEntryType.Withdrawal, (account, wallet, id, -amount), (SystemAccounts.External, wallet, id, amount));
        }
    }

    /// <summary>
    /// Moves funds between two wallets of one account, or between linked accounts: master ↔ subaccount, or two
    /// subaccounts of one master. Instant, no fee.
    /// </summary>
    public SandboxResult<string> Transfer(string fromAccount, Wallet fromWallet, string toAccount, Wallet toWallet, string asset, decimal amount)
    {
        lock (_gate)
        {
            if (Check(fromAccount, asset, amount) is { } refused)
            {
                return refused;
            }

            if (!_accountsByName.TryGetValue(toAccount, out var to))
            {
                return SandboxResult<string>.Fail(SandboxRejection.UnknownAccount, $"account '{toAccount}' does not exist");
            }

            var from = _accountsByName[fromAccount];
            var linked = from.Name == to.Name
                || from.Master == to.Name
                || to.Master == from.Name
                || (from.Master is not null && from.Master == to.Master);
            if (!linked)
            {
                return SandboxResult<string>.Fail(SandboxRejection.NotLinked, $"'{fromAccount}' and '{toAccount}' are not linked (master and subaccount, or subaccounts of one master)");
            }

            if (from.Name == to.Name && fromWallet == toWallet)
            {
                return SandboxResult<string>.Fail(SandboxRejection.InvalidAmount, "a transfer needs two different wallets or accounts");
            }

            var id = AssetCatalog.Find(asset)!.Id;
            if (Available(fromAccount, fromWallet, id) < amount)
            {
                return InsufficientFunds(fromAccount, fromWallet, id, amount);
            }

            return Post(LedgerEntryType.Transfer, (fromAccount, fromWallet, id, -amount), (toAccount, toWallet, id, amount));
        }
    }

    /// <summary>One account's ledger entries, newest first, filtered.</summary>
    public IReadOnlyList<LedgerEntry> Ledger(string account, LedgerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            if (!_entriesByAccount.TryGetValue(account, out var entries))
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
    }

    /// <summary>One account's ledger entries by id.</summary>
    public IReadOnlyList<LedgerEntry> LedgerEntries(string account, IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            return _entriesByAccount.TryGetValue(account, out var entries) ? [.. entries.Where(e => ids.Contains(e.Id))] : [];
        }
    }

    /// <summary>Per asset, the sum of every user account's balances over all wallets.</summary>
    public IReadOnlyDictionary<string, decimal> TotalsByAsset()
    {
        lock (_gate)
        {
            return _balances.Where(b => !b.Key.Account.StartsWith('@'))
                .GroupBy(b => b.Key.Asset, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(b => b.Value), StringComparer.Ordinal);
        }
    }

    /// <summary>Per asset, what came in from outside minus what left: the negated balance of the external system account, minus fees collected.</summary>
    public IReadOnlyDictionary<string, decimal> NetExternalFlows()
    {
        lock (_gate)
        {
            return _balances.Where(b => b.Key.Account.StartsWith('@'))
                .GroupBy(b => b.Key.Asset, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => -g.Sum(b => b.Value), StringComparer.Ordinal);
        }
    }

    /// <summary>Every entry of one movement (all accounts, system ones included), in booking order; empty if unknown.</summary>
    public IReadOnlyList<LedgerEntry> Movement(string refId)
    {
        lock (_gate)
        {
            return [.. _entries.Where(e => string.Equals(e.RefId, refId, StringComparison.Ordinal))];
        }
    }

    /// <summary>Every entry of every account (system ones included), in booking order.</summary>
    public IReadOnlyList<LedgerEntry> AllEntries()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    /// <summary>Refids whose entries do not sum to zero per asset (each entry moving its balance by amount − fee): always empty unless there is a bug.</summary>
    public IReadOnlyList<string> UnbalancedMovements()
    {
        lock (_gate)
        {
            return [.. _entries.GroupBy(e => (e.RefId, e.Asset)).Where(g => g.Sum(e => e.Amount - e.Fee) != 0).Select(g => g.Key.RefId).Distinct(StringComparer.Ordinal)];
        }
    }

    private SandboxResult<string>? Check(string account, string asset, decimal amount)
    {
        if (!_accountsByName.ContainsKey(account))
        {
            return SandboxResult<string>.Fail(SandboxRejection.UnknownAccount, $"account '{account}' does not exist");
        }

        if (AssetCatalog.Find(asset) is not { } known)
        {
            return SandboxResult<string>.Fail(SandboxRejection.UnknownAsset, $"asset '{asset}' is not known; known: {string.Join(", ", AssetCatalog.All.Select(a => a.Id))}");
        }

        if (amount <= 0 || amount > MaxAmount || amount.Scale > known.Decimals && decimal.Round(amount, known.Decimals) != amount)
        {
            return SandboxResult<string>.Fail(SandboxRejection.InvalidAmount, $"amount {amount} must be positive, at most {MaxAmount}, with at most {known.Decimals} decimals for {known.Id}");
        }

        return null;
    }

    /// <summary>Balance minus what open orders hold (Spot <c>hold_trade</c>): what a withdrawal, transfer or new order may use.</summary>
    private decimal Available(string account, Wallet wallet, string asset) => _balances.GetValueOrDefault((account, wallet, asset)) - HoldOf(account, wallet, asset) - MarginHoldLocked(account, wallet, asset);

    private static SandboxResult<string> InsufficientFunds(string account, Wallet wallet, string asset, decimal amount) =>
        SandboxResult<string>.Fail(SandboxRejection.InsufficientFunds, $"'{account}' has less than {amount} {asset} available in its {wallet} wallet");

    /// <summary>Books one balanced movement: legs summing to zero per asset, one refid, one transaction.</summary>
    private SandboxResult<string> Post(LedgerEntryType type, params (string Account, Wallet Wallet, string Asset, decimal Amount)[] legs)
    {
        if (legs.GroupBy(l => l.Asset).Any(g => g.Sum(l => l.Amount) != 0))
        {
            throw new InvalidOperationException("A posting must balance per asset.");
        }

        var now = _time.GetUtcNow();
        var refId = NewId('T');
        var changes = new SandboxChangeSet();
        var running = new Dictionary<(string, Wallet, string), decimal>();
        var sequence = _entries.Count == 0 ? 0 : _entries[^1].Sequence;
        foreach (var (account, wallet, asset, amount) in legs)
        {
            var key = (account, wallet, asset);
            var balance = (running.TryGetValue(key, out var pending) ? pending : _balances.GetValueOrDefault(key)) + amount;
            running[key] = balance;
            changes.Entries.Add(new LedgerEntry(NewId('L'), refId, checked(++sequence), now, account, wallet, asset, amount, 0m, balance, type));
        }

        Commit(changes);
        return SandboxResult<string>.Ok(refId);
    }

    /// <summary>A Kraken-style id: a prefix letter and 5-5-6 groups of upper-case letters and digits.</summary>
    internal static string NewId(char prefix)
    {
        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = IdAlphabet[RandomNumberGenerator.GetInt32(IdAlphabet.Length)];
        }

        return $"{prefix}{chars[..5]}-{chars[5..10]}-{chars[10..]}";
    }
}
