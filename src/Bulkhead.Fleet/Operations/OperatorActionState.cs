namespace Bulkhead.Fleet.Operations;

/// <summary>Where an operator's action stands in the journal.</summary>
public enum OperatorActionState
{
    /// <summary>Started; its progress is updated as it goes.</summary>
    Running,

    /// <summary>Finished as asked.</summary>
    Done,

    /// <summary>Tried and failed (the result says why).</summary>
    Failed,

    /// <summary>Not done: not allowed now (the kill switch is pulled, the target is unknown…); nothing changed.</summary>
    Refused,
}
