using System.Security.Cryptography;
using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Storage;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

public sealed partial class SandboxExchange
{
    private const string IibanAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Every user account, in creation order.</summary>
    public IReadOnlyList<SandboxAccount> Accounts
    {
        get
        {
            lock (_gate)
            {
                return [.. _accounts];
            }
        }
    }

    /// <summary>Creates a master (<paramref name="master"/> null) or a subaccount linked to a master.</summary>
    public SandboxResult<SandboxAccount> CreateAccount(string name, string? master)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValidName(name))
        {
            return SandboxResult<SandboxAccount>.Fail(SandboxRejection.InvalidAccountName, $"account name '{name}' must be 1-32 characters of a-z, 0-9, '_' and '-'");
        }

        lock (_gate)
        {
            if (_accountsByName.ContainsKey(name))
            {
                return SandboxResult<SandboxAccount>.Fail(SandboxRejection.AccountExists, $"account '{name}' already exists");
            }

            if (master is not null)
            {
                if (!_accountsByName.TryGetValue(master, out var masterAccount))
                {
                    return SandboxResult<SandboxAccount>.Fail(SandboxRejection.UnknownAccount, $"master account '{master}' does not exist");
                }

                if (!masterAccount.IsMaster)
                {
                    return SandboxResult<SandboxAccount>.Fail(SandboxRejection.MasterIsSubaccount, $"'{master}' is a subaccount of '{masterAccount.Master}'; a subaccount's master must be a master");
                }
            }

            var account = new SandboxAccount(name, master, NewIiban(), Guid.CreateVersion7(_time.GetUtcNow()), _time.GetUtcNow(), FuturesTradingEnabled: true, VolumeUsd30d: 0m);
            var changes = new SandboxChangeSet();
            changes.Accounts.Add(account);
            Commit(changes);
            return SandboxResult<SandboxAccount>.Ok(account);
        }
    }

    /// <summary>An account by name, or null.</summary>
    public SandboxAccount? FindAccount(string name)
    {
        lock (_gate)
        {
            return _accountsByName.GetValueOrDefault(name);
        }
    }

    /// <summary>An account by its IIBAN (spaces ignored, case-insensitive), or null.</summary>
    public SandboxAccount? FindAccountByIiban(string iiban)
    {
        ArgumentNullException.ThrowIfNull(iiban);
        var wanted = iiban.Replace(" ", string.Empty, StringComparison.Ordinal);
        lock (_gate)
        {
            return _accounts.FirstOrDefault(a => string.Equals(a.Iiban.Replace(" ", string.Empty, StringComparison.Ordinal), wanted, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>An account by its Futures UID, or null.</summary>
    public SandboxAccount? FindAccountByFuturesUid(Guid uid)
    {
        lock (_gate)
        {
            return _accounts.FirstOrDefault(a => a.FuturesUid == uid);
        }
    }

    /// <summary>A master's subaccounts, in creation order.</summary>
    public IReadOnlyList<SandboxAccount> Subaccounts(string master)
    {
        lock (_gate)
        {
            return [.. _accounts.Where(a => string.Equals(a.Master, master, StringComparison.Ordinal))];
        }
    }

    /// <summary>Sets an account's 30-day USD volume (admin).</summary>
    public SandboxResult<SandboxAccount> SetVolume(string account, decimal volumeUsd30d)
    {
        if (volumeUsd30d < 0)
        {
            return SandboxResult<SandboxAccount>.Fail(SandboxRejection.InvalidAmount, "volume must not be negative");
        }

        return Update(account, a => a with { VolumeUsd30d = volumeUsd30d });
    }

    /// <summary>Sets the Futures subaccount trading switch.</summary>
    public SandboxResult<SandboxAccount> SetFuturesTradingEnabled(string account, bool enabled) =>
        Update(account, a => a with { FuturesTradingEnabled = enabled });

    private SandboxResult<SandboxAccount> Update(string name, Func<SandboxAccount, SandboxAccount> change)
    {
        lock (_gate)
        {
            if (!_accountsByName.TryGetValue(name, out var account))
            {
                return SandboxResult<SandboxAccount>.Fail(SandboxRejection.UnknownAccount, $"account '{name}' does not exist");
            }

            var updated = change(account);
            var changes = new SandboxChangeSet();
            changes.Accounts.Add(updated);
            Commit(changes);
            return SandboxResult<SandboxAccount>.Ok(updated);
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
