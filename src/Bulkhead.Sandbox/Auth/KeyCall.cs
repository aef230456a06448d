namespace Bulkhead.Sandbox.Auth;

/// <summary>One private request that named a key, as the sandbox saw it (<c>GET /admin/keys/{key}/calls</c>).</summary>
/// <param name="At">When the pipeline decided (the sandbox's clock).</param>
/// <param name="Address">The caller's address as the socket saw it (the one the IP allowlist is checked against); null: unknown.</param>
/// <param name="Path">The URL path, e.g. <c>/0/private/AddOrder</c>.</param>
/// <param name="Nonce">The nonce it carried, when it parsed.</param>
/// <param name="Outcome"><c>ok</c>, or the venue's error string (e.g. <c>EAPI:Invalid nonce</c>).</param>
public sealed record KeyCall(DateTimeOffset At, string? Address, string Path, long? Nonce, string Outcome);
