namespace Bulkhead.Sandbox.Margin;

/// <summary>An account's futures position as of its last compacted trade: the starting point its remaining trades replay onto.</summary>
/// <param name="Account">The account.</param>
/// <param name="Position">The position after every removed trade of that account and symbol.</param>
public sealed record PositionCarry(string Account, FuturesPosition Position);
