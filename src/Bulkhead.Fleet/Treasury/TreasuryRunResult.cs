namespace Bulkhead.Fleet.Treasury;

/// <summary>How a run of an operation ended.</summary>
/// <param name="Operation">The operation as journaled at the end.</param>
/// <param name="Outcome">Done; refused (nothing moved on the failed step); or unknown (the step stays pending).</param>
/// <param name="Message">The exchange's error, when not done.</param>
public sealed record TreasuryRunResult(TreasuryOperation Operation, TreasuryCallResult Outcome, string? Message);
