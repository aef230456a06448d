namespace Bulkhead.Fleet.Hosts;

/// <summary>The answer to <see cref="HostLeases.Renew"/>.</summary>
/// <param name="Held">False: the lease was taken over or released (fenced out); stop the process at once.</param>
/// <param name="HandBackTo">
/// A host earlier in the process's preference that has been alive (heartbeat fresh) for the hand-back delay: stop the
/// worker gracefully and release, so that host starts it (a clean handover). Null: keep running.
/// </param>
public sealed record ProcessRenewal(bool Held, string? HandBackTo);
