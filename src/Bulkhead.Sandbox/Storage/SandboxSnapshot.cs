using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Storage;

/// <summary>The whole persisted state, as read at start-up.</summary>
public sealed record SandboxSnapshot(
    IReadOnlyList<SandboxAccount> Accounts,
    IReadOnlyList<SandboxApiKey> Keys,
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyDictionary<string, long> Nonces,
    IReadOnlyList<SandboxOrder> Orders,
    IReadOnlyList<SandboxTrade> Trades,
    IReadOnlyList<Margin.PositionCarry>? Carries = null)
{
    /// <summary>Nothing yet.</summary>
    public static SandboxSnapshot Empty { get; } = new([], [], [], new Dictionary<string, long>(), [], []);
}
