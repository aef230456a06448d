namespace Bulkhead.Dashboard.Documents;

/// <summary>The master account: its subaccounts, then its own processes.</summary>
/// <param name="Id"><c>master:NAME</c>.</param>
/// <param name="Name">The master's name.</param>
/// <param name="Health">The worst of its children.</param>
/// <param name="Detail">One line for a human.</param>
/// <param name="Children">Subaccounts, then the master's processes.</param>
/// <param name="Venue">Always <c>spot</c> (the master's own account).</param>
/// <param name="RateHeadroom">What is left of the master's rate budgets.</param>
public sealed record MasterNode(string Id, string Name, NodeHealth Health, string Detail, IReadOnlyList<TreeNode> Children, string Venue, RateHeadroomView? RateHeadroom)
    : TreeNode(Id, Name, Health, Detail, Children);
