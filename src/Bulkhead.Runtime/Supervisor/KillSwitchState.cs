namespace Bulkhead.Runtime.Supervisor;

/// <summary>The fleet's kill switch while it is pulled: when and by whom.</summary>
/// <param name="At">When it was pulled.</param>
/// <param name="By">Who pulled it (the operator's name and where from, as journaled).</param>
public sealed record KillSwitchState(DateTimeOffset At, string By);
