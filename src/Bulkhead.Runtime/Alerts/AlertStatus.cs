namespace Bulkhead.Runtime.Alerts;

/// <summary>What a notification says about its alert.</summary>
public enum AlertStatus
{
    /// <summary>The condition has held for the rule's duration.</summary>
    Firing,

    /// <summary>The condition no longer holds (or its series is gone).</summary>
    Resolved,
}
