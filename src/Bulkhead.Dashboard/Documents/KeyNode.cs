namespace Bulkhead.Dashboard.Documents;

/// <summary>An API key (its name and audit findings; never the key or its secret).</summary>
/// <param name="Id"><c>key:NAME</c>.</param>
/// <param name="Name">The key's name.</param>
/// <param name="Health"><c>warn</c> when the audit has an error about it, else <c>ok</c> (a process's health is its own state's: a key's findings do not colour the tree above it).</param>
/// <param name="Detail">The number of findings.</param>
/// <param name="Children">None.</param>
/// <param name="Venue"><c>spot</c> or <c>futures</c>.</param>
/// <param name="Findings">How many audit findings name this key.</param>
/// <param name="RestHeadroom">A Spot key: the fraction of its own Spot REST call counter left, 0 to 1 (the fleet's budget: Kraken's maximum less the sessions' margin); null for a Futures key, or when the store could not be read.</param>
public sealed record KeyNode(string Id, string Name, NodeHealth Health, string Detail, IReadOnlyList<TreeNode> Children, string Venue, int Findings, decimal? RestHeadroom)
    : TreeNode(Id, Name, Health, Detail, Children);
