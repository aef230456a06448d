using System.Text.Json.Serialization;

namespace Bulkhead.Dashboard.Documents;

/// <summary>
/// One node of the fleet tree. Serialized with its <c>kind</c> (<c>master</c>, <c>subaccount</c>, <c>strategy</c>,
/// <c>process</c>, <c>key</c>) first, then the common fields, then the kind's own.
/// </summary>
/// <param name="Id"><c>KIND:NAME</c>, the page's <c>data-node</c> hook.</param>
/// <param name="Name">The manifest's name.</param>
/// <param name="Health">Its health (for a parent: the worst below, halted shown as down).</param>
/// <param name="Detail">One line for a human.</param>
/// <param name="Children">The nodes below it.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(MasterNode), "master")]
[JsonDerivedType(typeof(SubaccountNode), "subaccount")]
[JsonDerivedType(typeof(StrategyNode), "strategy")]
[JsonDerivedType(typeof(ProcessNode), "process")]
[JsonDerivedType(typeof(KeyNode), "key")]
public abstract record TreeNode(string Id, string Name, NodeHealth Health, string Detail, IReadOnlyList<TreeNode> Children);
