using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox;

/// <summary>Funds movements (deposits, withdrawals, transfers) and reads of the ledger.</summary>
public sealed partial class SandboxExchange
{
    private static readonly decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>An account's non-zero balances in one wallet, by asset id.</summary>
    public IReadOnlyDictionary<string, decimal> Balances(string account, Wallet wallet)
    {
        lock (_gate)
        {
            return _ledger.Balances(account, wallet);
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

            var owner = _accounts.Find(account)!;
            if (!owner.IsMaster)
            {
                return SandboxResult<string>.Fail(SandboxRejection.NotMaster, $"'{account}' is a subaccount; subaccounts cannot withdraw: transfer to the master '{owner.Master}' first");
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

            if (_accounts.Find(toAccount) is null)
            {
                return SandboxResult<string>.Fail(SandboxRejection.UnknownAccount, $"account '{toAccount}' does not exist");
            }

            if (!_accounts.Linked(fromAccount, toAccount))
            {
                return SandboxResult<string>.Fail(SandboxRejection.NotLinked, $"'{fromAccount}' and '{toAccount}' are not linked (master and subaccount, or subaccounts of one master)");
            }

            if (fromAccount == toAccount && fromWallet == toWallet)
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
            return _ledger.Query(account, query);
        }
    }

    /// <summary>One account's ledger entries by id.</summary>
    public IReadOnlyList<LedgerEntry> LedgerEntries(string account, IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            return _ledger.ById(account, ids);
        }
    }

    /// <summary>Per asset, the sum of every user account's balances over all wallets.</summary>
    public IReadOnlyDictionary<string, decimal> TotalsByAsset()
    {
        lock (_gate)
        {
            return _ledger.SumByAsset(account => !account.StartsWith('@'));
        }
    }

    /// <summary>Per asset, what came in from outside minus what left: the negated balance of the external system account, minus fees collected.</summary>
    public IReadOnlyDictionary<string, decimal> NetExternalFlows()
    {
        lock (_gate)
        {
            return _ledger.SumByAsset(account => account.StartsWith('@')).ToDictionary(s => s.Key, s => -s.Value, StringComparer.Ordinal);
        }
    }

    /// <summary>Every entry of one movement (all accounts, system ones included), in booking order; empty if unknown.</summary>
    public IReadOnlyList<LedgerEntry> Movement(string refId)
    {
        lock (_gate)
        {
            return _ledger.Movement(refId);
        }
    }

    /// <summary>Every entry of every account (system ones included), in booking order.</summary>
    public IReadOnlyList<LedgerEntry> AllEntries()
    {
        lock (_gate)
        {
            return _ledger.All();
        }
    }

    /// <summary>Refids whose entries do not sum to zero per asset (each entry moving its balance by amount − fee): always empty unless there is a bug.</summary>
    public IReadOnlyList<string> UnbalancedMovements()
    {
        lock (_gate)
        {
            return _ledger.Unbalanced();
        }
    }

    /// <summary>A Kraken-style id: a prefix letter and 5-5-6 groups of upper-case letters and digits.</summary>
    internal static string NewId(char prefix) => SandboxIds.New(prefix);

    private SandboxResult<string>? Check(string account, string asset, decimal amount)
    {
        if (_accounts.Find(account) is null)
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

    /// <summary>Balance minus what open orders hold (Spot <c>hold_trade</c>) and what margin keeps: what a withdrawal, transfer or new order may use.</summary>
    private decimal Available(string account, Wallet wallet, string asset) =>
        _ledger.Balance(account, wallet, asset) - _trading.HoldOf(account, wallet, asset) - _margin.MarginHold(account, wallet, asset);

    private static SandboxResult<string> InsufficientFunds(string account, Wallet wallet, string asset, decimal amount) =>
        SandboxResult<string>.Fail(SandboxRejection.InsufficientFunds, $"'{account}' has less than {amount} {asset} available in its {wallet} wallet");

    /// <summary>Books one balanced movement of fee-less legs under a new refid, in one commit.</summary>
    private SandboxResult<string> Post(LedgerEntryType type, params (string Account, Wallet Wallet, string Asset, decimal Amount)[] legs)
    {
        var changes = new SandboxChangeSet();
        var refId = _ledger.Begin(_time.GetUtcNow(), changes.Entries).Move(type, legs);
        Commit(changes);
        return SandboxResult<string>.Ok(refId);
    }
}
