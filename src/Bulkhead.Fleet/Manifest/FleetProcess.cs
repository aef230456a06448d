using System.Collections.Immutable;

namespace Bulkhead.Fleet.Manifest;

/// <summary>One <c>[processes.NAME]</c> table: a process of the fleet and the one key it uses.</summary>
/// <param name="Name">The process's name.</param>
/// <param name="Role">Its role, which decides its key's minimum permissions.</param>
/// <param name="Strategy">The strategy it serves (traders, flatteners; optional for replayers).</param>
/// <param name="Account">The account it works on: its strategy's account, or the one named in the table.</param>
/// <param name="Key">The key it uses (null: none declared, flagged by the audit).</param>
/// <param name="Hosts">Where it is expected to run (empty: anywhere).</param>
/// <param name="Location">Where the table was declared.</param>
public sealed record FleetProcess(
    string Name,
    FleetRole Role,
    string? Strategy,
    string Account,
    string? Key,
    ImmutableArray<string> Hosts,
    SourceLocation Location);
