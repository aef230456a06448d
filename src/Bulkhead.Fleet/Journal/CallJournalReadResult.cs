using System.Collections.Immutable;

namespace Bulkhead.Fleet.Journal;

/// <summary>What <see cref="CallJournalReader.Read"/> found.</summary>
/// <param name="Entries">The entries in the period, ordered by time.</param>
/// <param name="MalformedLines">Lines skipped because they were not complete records.</param>
/// <param name="Files">The journal files read.</param>
public sealed record CallJournalReadResult(ImmutableArray<CallJournalEntry> Entries, int MalformedLines, ImmutableArray<string> Files);
