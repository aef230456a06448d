using Bulkhead.Fleet.Operations;

namespace Bulkhead.Runtime.Operations;

/// <summary>An action as submitted: its journal entry now, and the entry once it has finished.</summary>
/// <param name="Started">As journaled when submitted (running, or refused).</param>
/// <param name="Finished">Completes with the final entry (done, failed or refused).</param>
public sealed record OperatorSubmission(OperatorAction Started, Task<OperatorAction> Finished);
