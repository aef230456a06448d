namespace Bulkhead.Fleet.Coordination.Internal;

/// <summary>Instants are stored as microseconds since the Unix epoch (UTC), the same in both backends.</summary>
internal static class TimeColumns
{
    public static long ToMicros(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset FromMicros(long micros) => DateTimeOffset.UnixEpoch.AddTicks(checked(micros * TimeSpan.TicksPerMicrosecond));
}
