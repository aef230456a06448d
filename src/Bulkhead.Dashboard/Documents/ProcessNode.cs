namespace Bulkhead.Dashboard.Documents;

/// <summary>A manifest process: its supervisor state and its key's lease; its one child is its key.</summary>
/// <param name="Id"><c>process:NAME</c>.</param>
/// <param name="Name">The process's name.</param>
/// <param name="Health">From its state and heartbeat (see docs/dashboard.md).</param>
/// <param name="Detail">Role, state, pid.</param>
/// <param name="Children">Its key.</param>
/// <param name="Role">The manifest role.</param>
/// <param name="State">The supervisor's state (on-demand roles: <c>stopped</c>).</param>
/// <param name="Pid">The OS process id while one runs.</param>
/// <param name="Restarts">Restarts after crashes.</param>
/// <param name="HeartbeatAgeSeconds">Seconds since its last heartbeat (null: none yet).</param>
/// <param name="HaltReason">Why it is halted, failed or backing off.</param>
/// <param name="Guard">Its key's lockout guard from the heartbeat: <c>ok</c> or <c>halted</c>.</param>
/// <param name="LastNonceAt">When its key last signed a request (heartbeat).</param>
/// <param name="Lease">Its key's lease in the coordination store (null: not held).</param>
public sealed record ProcessNode(
    string Id,
    string Name,
    NodeHealth Health,
    string Detail,
    IReadOnlyList<TreeNode> Children,
    string Role,
    string State,
    int? Pid,
    int Restarts,
    double? HeartbeatAgeSeconds,
    string? HaltReason,
    string? Guard,
    DateTimeOffset? LastNonceAt,
    LeaseView? Lease)
    : TreeNode(Id, Name, Health, Detail, Children)
{
    /// <summary>Its socket when it streams (transport websocket), from its last heartbeat; null on REST.</summary>
    public SocketView? Socket { get; init; }
}
