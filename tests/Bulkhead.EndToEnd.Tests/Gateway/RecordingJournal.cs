using System.Collections.Concurrent;
using Bulkhead.Kraken.Journal;

namespace Bulkhead.EndToEnd.Tests.Gateway;

/// <summary>The call journal a gateway writes to, kept in memory for assertions (the file journal is tested in Fleet).</summary>
internal sealed class RecordingJournal : ICallJournal
{
    private readonly ConcurrentQueue<KrakenCallRecord> _records = new();

    public IReadOnlyList<KrakenCallRecord> Records => [.. _records];

    public void Record(KrakenCallRecord record) => _records.Enqueue(record);
}
