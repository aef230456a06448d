using Bulkhead.Sandbox.Margin;

namespace Bulkhead.Sandbox.Storage;

/// <summary>
/// What one retention run removes, written by a store in one transaction: ledger entries and trades by sequence, closed
/// orders by txid, and the futures positions carried forward for the trades removed (a position is rebuilt at start-up
/// from its carry plus the trades still stored).
/// </summary>
public sealed class SandboxCompaction
{
    /// <summary>Ledger entries removed (sequence).</summary>
    public List<long> Entries { get; } = [];

    /// <summary>Trades removed (sequence).</summary>
    public List<long> Trades { get; } = [];

    /// <summary>Closed orders removed (txid).</summary>
    public List<string> Orders { get; } = [];

    /// <summary>Position carries written (replacing the account's and symbol's previous one).</summary>
    public List<PositionCarry> Carries { get; } = [];

    /// <summary>True when there is nothing to remove.</summary>
    public bool IsEmpty => Entries.Count == 0 && Trades.Count == 0 && Orders.Count == 0 && Carries.Count == 0;
}
