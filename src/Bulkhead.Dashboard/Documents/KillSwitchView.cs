namespace Bulkhead.Dashboard.Documents;

/// <summary>The pulled kill switch: when and by whom (operator and where from).</summary>
/// <param name="At">When it was pulled.</param>
/// <param name="By">Who pulled it.</param>
public sealed record KillSwitchView(DateTimeOffset At, string By);
