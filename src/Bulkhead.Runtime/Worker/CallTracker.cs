using System.Collections.Concurrent;
using Bulkhead.Kraken.Journal;

namespace Bulkhead.Runtime.Worker;

/// <summary>
/// Forwards every call record to the call journal (if any), remembers when the last signed call (a nonce) left, and
/// counts the signed calls and their errors by code since the worker started (the heartbeat's <c>calls</c> and
/// <c>errors</c>, which the supervisor turns into metrics).
/// </summary>
internal sealed class CallTracker : ICallJournal
{
    private readonly ICallJournal? _inner;
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _lastSignedTicks;
    private long _calls;

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

    /// <summary>Signed calls attempted since the worker started (local refusals included: they are counted with their error).</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>The signed calls that failed, by error code (the exchange's wire string verbatim, or a <c>Bulkhead:</c> code), ordinal order.</summary>
    public IReadOnlyDictionary<string, long> Errors => new SortedDictionary<string, long>(_errors, StringComparer.Ordinal);

    public void Record(KrakenCallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.KeyName is not null)
        {
            Interlocked.Exchange(ref _lastSignedTicks, record.Time.UtcTicks);
            Interlocked.Increment(ref _calls);
            if (record.ErrorCode is { } code)
            {
                _errors.AddOrUpdate(code, 1, (_, n) => n + 1);
            }
        }

        _inner?.Record(record);
    }
}
