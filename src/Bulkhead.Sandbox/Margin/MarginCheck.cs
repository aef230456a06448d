namespace Bulkhead.Sandbox.Margin;

/// <summary>The margin verdict on a new order.</summary>
/// <param name="Accepted">True when the account can carry the order (else Futures answers <c>insufficientAvailableFunds</c>).</param>
/// <param name="Before">The account's figures without the order.</param>
/// <param name="After">The account's figures with the order open.</param>
public readonly record struct MarginCheck(bool Accepted, MarginSummary Before, MarginSummary After);
