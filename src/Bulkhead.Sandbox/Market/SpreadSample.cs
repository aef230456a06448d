namespace Bulkhead.Sandbox.Market;

/// <summary>The top of a book at one moment.</summary>
/// <param name="Time">When it was seen.</param>
/// <param name="Bid">Best bid.</param>
/// <param name="Ask">Best ask.</param>
public readonly record struct SpreadSample(DateTimeOffset Time, decimal Bid, decimal Ask);
