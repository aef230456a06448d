using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;

namespace Bulkhead.Sandbox.Storage;

/// <summary>The whole persisted state, as read at start-up.</summary>
public sealed record SandboxSnapshot(
    IReadOnlyList<SandboxAccount> Accounts,
    IReadOnlyList<SandboxApiKey> Keys,
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyDictionary<string, long> Nonces)
{
    /// <summary>Nothing yet.</summary>
    public static SandboxSnapshot Empty { get; } = new([], [], [], new Dictionary<string, long>());
}
