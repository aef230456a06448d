using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Bulkhead.Sandbox.Accounts;

/// <summary>
/// The user accounts: masters and their subaccounts, in creation order, with the family rules (who is linked to whom,
/// whose fee volume is pooled, whose orders count as one owner for Futures self-trade prevention). It decides and
/// builds; an account enters the directory only through <see cref="Apply"/> once the store has written it. System
/// accounts (<c>@…</c>) are not here. Written only under the exchange's lock; <see cref="Find"/> may be called without it
/// (accounts are immutable values in a concurrent map), so authentication does not wait for a commit in progress.
/// </summary>
internal sealed class AccountDirectory
{
    private const string IibanAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly List<SandboxAccount> _accounts = [];
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SandboxAccount> _byName = new(StringComparer.Ordinal);

    /// <summary>Every account, in creation order (callers copy what they keep).</summary>
    public IReadOnlyList<SandboxAccount> All => _accounts;

    /// <summary>An account by name, or null. Safe without the exchange's lock.</summary>
    public SandboxAccount? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>An account by its IIBAN (spaces ignored, case-insensitive), or null.</summary>
    public SandboxAccount? FindByIiban(string iiban)
    {
        var wanted = iiban.Replace(" ", string.Empty, StringComparison.Ordinal);
        return _accounts.FirstOrDefault(a => string.Equals(a.Iiban.Replace(" ", string.Empty, StringComparison.Ordinal), wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An account by its Futures UID, or null.</summary>
    public SandboxAccount? FindByFuturesUid(Guid uid) => _accounts.FirstOrDefault(a => a.FuturesUid == uid);

    /// <summary>A master's subaccounts, in creation order.</summary>
    public List<SandboxAccount> Subaccounts(string master) => [.. _accounts.Where(a => string.Equals(a.Master, master, StringComparison.Ordinal))];

    /// <summary>The master of an account's family: its master, or itself (also for an unknown or system account).</summary>
    public string FamilyOf(string account) => Find(account) is { Master: { } master } ? master : account;

    /// <summary>Every account of the family <paramref name="account"/> belongs to: the master and all its subaccounts.</summary>
    public IEnumerable<SandboxAccount> Family(string account)
    {
        var master = FamilyOf(account);
        return _accounts.Where(a => a.Name == master || a.Master == master);
    }

    /// <summary>True when funds may move between the two: the same account, master and subaccount, or two subaccounts of one master.</summary>
    public bool Linked(string from, string to) =>
        Find(from) is { } a && Find(to) is { } b
        && (a.Name == b.Name || a.Master == b.Name || b.Master == a.Name || (a.Master is not null && a.Master == b.Master));

    /// <summary>Checks and builds a new master (<paramref name="master"/> null) or subaccount; nothing is added yet.</summary>
    public SandboxResult<SandboxAccount> Open(string name, string? master, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValidName(name))
        {
            return SandboxResult<SandboxAccount>.Fail(SandboxRejection.InvalidAccountName, $"account name '{name}' must be 1-32 characters of a-z, 0-9, '_' and '-'");
        }

        if (Find(name) is not null)
        {
            return SandboxResult<SandboxAccount>.Fail(SandboxRejection.AccountExists, $"account '{name}' already exists");
        }

        if (master is not null)
        {
            if (Find(master) is not { } masterAccount)
            {
                return SandboxResult<SandboxAccount>.Fail(SandboxRejection.UnknownAccount, $"master account '{master}' does not exist");
            }

            if (!masterAccount.IsMaster)
            {
                return SandboxResult<SandboxAccount>.Fail(SandboxRejection.MasterIsSubaccount, $"'{master}' is a subaccount of '{masterAccount.Master}'; a subaccount's master must be a master");
            }
        }

        return SandboxResult<SandboxAccount>.Ok(new SandboxAccount(name, master, NewIiban(), Guid.CreateVersion7(now), now, FuturesTradingEnabled: true, VolumeUsd30d: 0m));
    }

    /// <summary>Adds or replaces (by name) written accounts.</summary>
    public void Apply(IReadOnlyList<SandboxAccount> accounts)
    {
        foreach (var account in accounts)
        {
            if (_indexByName.TryGetValue(account.Name, out var index))
            {
                _accounts[index] = account;
            }
            else
            {
                _indexByName[account.Name] = _accounts.Count;
                _accounts.Add(account);
            }

            _byName[account.Name] = account;
        }
    }

    private static bool IsValidName(string name) =>
        name.Length is >= 1 and <= 32 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-');

    private static string NewIiban()
    {
        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = IibanAlphabet[RandomNumberGenerator.GetInt32(IibanAlphabet.Length)];
        }

        return $"{chars[..4]} {chars[4..8]} {chars[8..12]} {chars[12..]}";
    }
}
