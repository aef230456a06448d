using System.Collections.Immutable;

namespace Bulkhead.Fleet.Manifest;

/// <summary>One <c>[strategies.NAME]</c> table.</summary>
/// <param name="Name">The strategy's name.</param>
/// <param name="Account">The account it trades from: a subaccount's name, or the master's (flagged by the audit).</param>
/// <param name="Kind">The runtime's strategy kind, e.g. <c>spot-market-maker</c>.</param>
/// <param name="Pairs">The pairs or contracts it trades.</param>
/// <param name="Parameters">Its parameters, each value as written (numbers and booleans as their TOML text).</param>
/// <param name="Location">Where the table was declared.</param>
public sealed record Strategy(
    string Name,
    string Account,
    string Kind,
    ImmutableArray<string> Pairs,
    ImmutableSortedDictionary<string, string> Parameters,
    SourceLocation Location)
{
    /// <summary>The user's own assembly and type (<c>strategy = { assembly, type }</c>); null for a built-in kind.</summary>
    public StrategyAssembly? Assembly { get; init; }
}
