using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Trading;

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

    /// <summary>Orders created or replaced (by txid): every new version of an order.</summary>
    public List<SandboxOrder> Orders { get; } = [];

    /// <summary>Trades appended (one per side of a fill).</summary>
    public List<SandboxTrade> Trades { get; } = [];

    /// <summary>True when there is nothing to write.</summary>
    public bool IsEmpty => Accounts.Count == 0 && Keys.Count == 0 && Entries.Count == 0 && Nonces.Count == 0 && Orders.Count == 0 && Trades.Count == 0;
}
