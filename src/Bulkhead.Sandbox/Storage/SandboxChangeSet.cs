using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;

namespace Bulkhead.Sandbox.Storage;

/// <summary>Everything one operation changes; a store writes it in one transaction or not at all.</summary>
public sealed class SandboxChangeSet
{
    /// <summary>Accounts created or replaced (by name).</summary>
    public List<SandboxAccount> Accounts { get; } = [];

    /// <summary>Keys created or replaced (by key).</summary>
    public List<SandboxApiKey> Keys { get; } = [];

    /// <summary>Ledger entries appended.</summary>
    public List<LedgerEntry> Entries { get; } = [];

    /// <summary>Nonce high-water marks set (key → nonce).</summary>
    public Dictionary<string, long> Nonces { get; } = new(StringComparer.Ordinal);

    /// <summary>True when there is nothing to write.</summary>
    public bool IsEmpty => Accounts.Count == 0 && Keys.Count == 0 && Entries.Count == 0 && Nonces.Count == 0;
}
