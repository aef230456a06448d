namespace Bulkhead.Dashboard.Documents;

/// <summary>A strategy: the processes serving it (trader, flattener).</summary>
/// <param name="Id"><c>strategy:NAME</c>.</param>
/// <param name="Name">The strategy's name.</param>
/// <param name="Health">The worst of its processes.</param>
/// <param name="Detail">Its kind and pairs.</param>
/// <param name="Children">Its processes.</param>
public sealed record StrategyNode(string Id, string Name, NodeHealth Health, string Detail, IReadOnlyList<TreeNode> Children)
    : TreeNode(Id, Name, Health, Detail, Children);
