using Bulkhead.Fleet.Operations;

namespace Bulkhead.Dashboard.Documents;

/// <summary>The operators' side of the fleet: the kill switch and the journal of actions (their progress and results).</summary>
/// <param name="KillSwitch">The kill switch while it is pulled (null: armed).</param>
/// <param name="Actions">The newest actions, newest first.</param>
/// <param name="Error">Why the journal could not be read.</param>
public sealed record OperationsPart(KillSwitchView? KillSwitch, IReadOnlyList<OperatorAction> Actions, string? Error);
