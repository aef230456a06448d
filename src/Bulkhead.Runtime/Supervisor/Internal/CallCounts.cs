namespace Bulkhead.Runtime.Supervisor.Internal;

/// <summary>Signed calls and errors by code, as a worker's heartbeat reports them (since that worker started).</summary>
internal sealed record CallCounts(long Calls, IReadOnlyDictionary<string, long> Errors)
{
    public static CallCounts None { get; } = new(0, new Dictionary<string, long>(StringComparer.Ordinal));

    public CallCounts Add(CallCounts other)
    {
        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (code, count) in Errors.Concat(other.Errors))
        {
            errors[code] = errors.GetValueOrDefault(code) + count;
        }

        return new CallCounts(Calls + other.Calls, errors);
    }
}
