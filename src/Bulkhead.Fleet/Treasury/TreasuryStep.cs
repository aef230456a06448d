using System.Globalization;

namespace Bulkhead.Fleet.Treasury;

/// <summary>
/// One step of a treasury operation: one exchange call, journaled <c>pending</c> (with the time and the master's ledger
/// cursor) before it is made and <c>done</c> (with the exchange's reference id) after.
/// </summary>
/// <param name="Index">Its position in the plan, from 1.</param>
/// <param name="Kind">The call it makes.</param>
/// <param name="From">The manifest account the money leaves.</param>
/// <param name="To">The manifest account the money reaches (the withdrawal key's name for <see cref="TreasuryStepKind.Withdrawal"/>).</param>
/// <param name="Asset">The Spot asset id, e.g. <c>ZUSD</c>.</param>
/// <param name="Amount">The amount; positive.</param>
public sealed record TreasuryStep(int Index, TreasuryStepKind Kind, string From, string To, string Asset, decimal Amount)
{
    /// <summary>The state the journal holds.</summary>
    public TreasuryStepState State { get; init; } = TreasuryStepState.Planned;

    /// <summary>How many times it was recorded pending (a call was about to be made).</summary>
    public int Attempts { get; init; }

    /// <summary>When it was last recorded pending (local clock).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The master's ledger position just before the call: what a rerun searches after.</summary>
    public TreasuryCursor? Cursor { get; init; }

    /// <summary>The exchange's reference id of the movement (the answer's, or the ledger's when recognised).</summary>
    public string? RefId { get; init; }

    /// <summary>The master's side of the movement: its ledger (or account-log) entry id, when found.</summary>
    public string? LedgerId { get; init; }

    /// <summary>True when a rerun found it already done on the exchange instead of repeating it.</summary>
    public bool Recognised { get; init; }

    /// <summary>The exchange's refusal, when <see cref="TreasuryStepState.Failed"/>.</summary>
    public string? Error { get; init; }

    /// <summary>When it was recorded done.</summary>
    public DateTimeOffset? DoneAt { get; init; }

    /// <summary>One line for the plan: <c>1. spot-transfer mm → desk 100 ZUSD</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Index}. {KindName(Kind)} {From} → {To} {Amount} {Asset}");

    /// <summary>The kind as the journal and the CLI write it.</summary>
    public static string KindName(TreasuryStepKind kind) => kind switch
    {
        TreasuryStepKind.SpotTransfer => "spot-transfer",
        TreasuryStepKind.SpotToFutures => "spot-to-futures",
        TreasuryStepKind.FuturesSubaccountTransfer => "futures-subaccount-transfer",
        TreasuryStepKind.FuturesToSpot => "futures-to-spot",
        _ => "withdrawal",
    };

    /// <summary>The inverse of <see cref="KindName"/>.</summary>
    public static TreasuryStepKind ParseKind(string name) => name switch
    {
        "spot-transfer" => TreasuryStepKind.SpotTransfer,
        "spot-to-futures" => TreasuryStepKind.SpotToFutures,
        "futures-subaccount-transfer" => TreasuryStepKind.FuturesSubaccountTransfer,
        "futures-to-spot" => TreasuryStepKind.FuturesToSpot,
        "withdrawal" => TreasuryStepKind.Withdrawal,
        _ => throw new FormatException($"unknown treasury step kind '{name}'"),
    };
}
