namespace Bulkhead.Dashboard.Documents;

/// <summary>A subaccount: its strategies, then its processes that serve no strategy (reconcilers).</summary>
/// <param name="Id"><c>subaccount:NAME</c>.</param>
/// <param name="Name">The subaccount's name.</param>
/// <param name="Health">The worst of its children.</param>
/// <param name="Detail">Venue and mandate.</param>
/// <param name="Children">Strategies, then other processes.</param>
/// <param name="Venue"><c>spot</c> or <c>futures</c>.</param>
/// <param name="RateHeadroom">What is left of the account's shared rate budgets (null: the store could not be read).</param>
public sealed record SubaccountNode(string Id, string Name, NodeHealth Health, string Detail, IReadOnlyList<TreeNode> Children, string Venue, RateHeadroomView? RateHeadroom)
    : TreeNode(Id, Name, Health, Detail, Children);
