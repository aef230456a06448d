namespace Bulkhead.Sandbox.Matching;

/// <summary>What <see cref="OrderBook.Submit"/> did with an order.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="Filled">Lots filled as a taker.</param>
/// <param name="Remaining">Lots now resting (0 unless <see cref="SubmitStatus.Rested"/> or <see cref="SubmitStatus.PartiallyFilledRested"/>).</param>
public readonly record struct SubmitResult(SubmitStatus Status, long Filled, long Remaining);
