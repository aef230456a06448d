namespace Bulkhead.Dashboard.Documents;

/// <summary>An API key (its name and audit findings; never the key or its secret).</summary>
/// <param name="Id"><c>key:NAME</c>.</param>
/// <param name="Name">The key's name.</param>
/// <param name="Health"><c>ok</c>, <c>warn</c> with a warning finding, <c>down</c> with an error finding.</param>
/// <param name="Detail">The number of findings.</param>
/// <param name="Children">None.</param>
/// <param name="Venue"><c>spot</c> or <c>futures</c>.</param>
/// <param name="Findings">How many audit findings name this key.</param>
public sealed record KeyNode(string Id, string Name, NodeHealth Health, string Detail, IReadOnlyList<TreeNode> Children, string Venue, int Findings)
    : TreeNode(Id, Name, Health, Detail, Children);
