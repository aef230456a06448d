namespace Bulkhead.Sandbox.Margin;

/// <summary>An open (or proposed) order as margin sees it: the instrument and the signed quantity still open (buy positive).</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="SignedRemaining">The open quantity, positive for a buy, negative for a sell.</param>
public readonly record struct MarginOrder(string Symbol, decimal SignedRemaining);
