namespace Bulkhead.Sandbox.Matching;

/// <summary>One price level of the book.</summary>
/// <param name="Price">Price in ticks.</param>
/// <param name="Quantity">Total resting lots at this price.</param>
/// <param name="Orders">Number of resting orders at this price.</param>
public readonly record struct BookLevel(long Price, long Quantity, int Orders);
