namespace Bulkhead.Dashboard.Documents;

/// <summary><c>GET /api/tree</c>: the fleet's two layers of separation, the master at the root.</summary>
/// <param name="Master">The master account's node (a <see cref="MasterNode"/>; declared as the base so its <c>kind</c> is written).</param>
/// <param name="Error">Why a source of the tree (coordination store, audit) could not be read; the tree is still built.</param>
public sealed record TreeDocument(TreeNode Master, string? Error);
