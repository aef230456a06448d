namespace Bulkhead.Runtime.Operations;

/// <summary>The actions an operator can take, by the names the journal, the API and the CLI use.</summary>
public static class OperatorActions
{
    /// <summary>Stop a strategy's trader gracefully (orders cancelled) and keep it halted.</summary>
    public const string Halt = "halt";

    /// <summary>Start a halted strategy's trader again.</summary>
    public const string Resume = "resume";

    /// <summary>Halt a strategy, then cancel all its orders and close its position with its flattener key.</summary>
    public const string Flatten = "flatten";

    /// <summary>Stop a process and start it again at once.</summary>
    public const string Restart = "restart";

    /// <summary>Pull the fleet's kill switch: every trader cancels and stops, every dead man's switch fires, nothing starts until re-armed.</summary>
    public const string Kill = Fleet.Operations.OperatorJournal.Kill;

    /// <summary>Re-arm the kill switch (strategies stay halted until resumed).</summary>
    public const string Rearm = Fleet.Operations.OperatorJournal.Rearm;

    /// <summary>Every action, in the order the docs list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Halt, Resume, Flatten, Restart, Kill, Rearm];

    /// <summary>Whether the action's target is a strategy (else a process, or the whole fleet).</summary>
    public static bool OnStrategy(string action) => action is Halt or Resume or Flatten;

    /// <summary>Whether the action acts on the whole fleet (the kill switch).</summary>
    public static bool OnFleet(string action) => action is Kill or Rearm;
}
