using System.Collections.Immutable;

namespace Bulkhead.Fleet.Planning;

/// <summary>One step of the production checklist.</summary>
/// <param name="Kind"><c>subaccount</c>, <c>key</c> or <c>secret</c>.</param>
/// <param name="Subject">The subaccount or key name.</param>
/// <param name="Account">The account where it is done.</param>
/// <param name="Venue"><c>spot</c> or <c>futures</c>.</param>
/// <param name="Instruction">What to do, in one sentence.</param>
/// <param name="Tick">Permission boxes to tick, by Kraken's names (keys only).</param>
/// <param name="Untick">Permission boxes to leave unticked (keys only).</param>
/// <param name="IpAllowlist">Addresses to allow (keys only).</param>
/// <param name="Expires">Expiry date to set (keys only; null: none).</param>
public sealed record PlanStep(
    string Kind,
    string Subject,
    string Account,
    string Venue,
    string Instruction,
    ImmutableArray<string> Tick,
    ImmutableArray<string> Untick,
    ImmutableArray<string> IpAllowlist,
    DateOnly? Expires);
