namespace Bulkhead.Sandbox.Market;

/// <summary>A noise taker's immediate-or-cancel limit order.</summary>
/// <param name="Symbol">The book.</param>
/// <param name="Buy">True to buy, false to sell.</param>
/// <param name="Volume">Volume on the lot.</param>
/// <param name="LimitPrice">Worst price accepted, on the tick (a few levels through the book, so it prints without sweeping it).</param>
public readonly record struct NoiseOrder(string Symbol, bool Buy, decimal Volume, decimal LimitPrice);
