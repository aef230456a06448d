namespace Bulkhead.Dashboard.Documents;

/// <summary>A key's lease as the coordination store holds it.</summary>
/// <param name="Holder"><c>PROCESS@HOST#PID</c>.</param>
/// <param name="Host">The holder's host.</param>
/// <param name="Pid">The holder's OS process id.</param>
/// <param name="Fencing">The lease's fencing token.</param>
/// <param name="HeartbeatAgeSeconds">Seconds since the holder last renewed it (expiry − TTL); null when unknown.</param>
/// <param name="ExpiresAt">When it lapses unless renewed.</param>
/// <param name="NonceMark">The key's nonce high-water mark.</param>
public sealed record LeaseView(string Holder, string Host, int Pid, long Fencing, double? HeartbeatAgeSeconds, DateTimeOffset? ExpiresAt, long NonceMark);
