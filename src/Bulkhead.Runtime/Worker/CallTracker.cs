using Bulkhead.Kraken.Journal;

namespace Bulkhead.Runtime.Worker;

/// <summary>Forwards every call record to the call journal (if any) and remembers when the last signed call (a nonce) left.</summary>
internal sealed class CallTracker : ICallJournal
{
    private readonly ICallJournal? _inner;
    private long _lastSignedTicks;

    public CallTracker(ICallJournal? inner) => _inner = inner;

    /// <summary>When the last signed request was sent; null before the first.</summary>
    public DateTimeOffset? LastSignedAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastSignedTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public void Record(KrakenCallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.KeyName is not null)
        {
            Interlocked.Exchange(ref _lastSignedTicks, record.Time.UtcTicks);
        }

        _inner?.Record(record);
    }
}
