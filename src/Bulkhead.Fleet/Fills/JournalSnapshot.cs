namespace Bulkhead.Fleet.Fills;

/// <summary>
/// The latest view a process has of its account (kind <c>balances</c>, <c>margin</c>, <c>volume</c>…) as a JSON document,
/// kept per account and kind (the newest replaces the older): what reporting and the dashboard read while the fleet runs.
/// </summary>
/// <param name="Account">The (sub)account.</param>
/// <param name="Kind">What the document holds.</param>
/// <param name="Process">The process that wrote it.</param>
/// <param name="Time">When the process read it from the exchange.</param>
/// <param name="Json">The document.</param>
public sealed record JournalSnapshot(string Account, string Kind, string Process, DateTimeOffset Time, string Json);
