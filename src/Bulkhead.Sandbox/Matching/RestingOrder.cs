namespace Bulkhead.Sandbox.Matching;

/// <summary>An order resting on the book.</summary>
/// <param name="OrderId">The caller's id.</param>
/// <param name="Owner">The owner.</param>
/// <param name="Side">Bid (buy) or ask (sell).</param>
/// <param name="Price">Price in ticks.</param>
/// <param name="Remaining">Lots still resting.</param>
/// <param name="Sequence">Time priority on the book (smaller is older); renewed when an amend loses priority.</param>
public readonly record struct RestingOrder(long OrderId, long Owner, Side Side, long Price, long Remaining, long Sequence);
