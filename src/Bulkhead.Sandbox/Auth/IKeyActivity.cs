namespace Bulkhead.Sandbox.Auth;

/// <summary>Per-key activity and lockout state kept by the authentication pipeline, read by the admin API.</summary>
public interface IKeyActivity
{
    /// <summary>The stats of one key (zeros for a key never seen).</summary>
    KeyStats Stats(string key);

    /// <summary>The key's most recent private requests, oldest first (at most <see cref="SandboxAuthenticator.CallLogLength"/>).</summary>
    IReadOnlyList<KeyCall> Calls(string key);
}
