using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox;

/// <summary>Accounts: create, find, and the admin settings of one account.</summary>
public sealed partial class SandboxExchange
{
    /// <summary>Every user account, in creation order.</summary>
    public IReadOnlyList<SandboxAccount> Accounts
    {
        get
        {
            lock (_gate)
            {
                return [.. _accounts.All];
            }
        }
    }

    /// <summary>Creates a master (<paramref name="master"/> null) or a subaccount linked to a master.</summary>
    public SandboxResult<SandboxAccount> CreateAccount(string name, string? master)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            var opened = _accounts.Open(name, master, _time.GetUtcNow());
            if (opened.Success)
            {
                var changes = new SandboxChangeSet();
                changes.Accounts.Add(opened.Value);
                Commit(changes);
            }

            return opened;
        }
    }

    /// <summary>An account by name, or null. Does not wait for the exchange's lock (the authentication pipeline calls it on every request).</summary>
    public SandboxAccount? FindAccount(string name) => _accounts.Find(name);

    /// <summary>An account by its IIBAN (spaces ignored, case-insensitive), or null.</summary>
    public SandboxAccount? FindAccountByIiban(string iiban)
    {
        ArgumentNullException.ThrowIfNull(iiban);
        lock (_gate)
        {
            return _accounts.FindByIiban(iiban);
        }
    }

    /// <summary>An account by its Futures UID, or null.</summary>
    public SandboxAccount? FindAccountByFuturesUid(Guid uid)
    {
        lock (_gate)
        {
            return _accounts.FindByFuturesUid(uid);
        }
    }

    /// <summary>A master's subaccounts, in creation order.</summary>
    public IReadOnlyList<SandboxAccount> Subaccounts(string master)
    {
        lock (_gate)
        {
            return _accounts.Subaccounts(master);
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
            if (_accounts.Find(name) is not { } account)
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
}
