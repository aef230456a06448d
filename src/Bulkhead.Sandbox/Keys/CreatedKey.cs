namespace Bulkhead.Sandbox.Keys;

/// <summary>A key just made, with its secret in base64 — the only time the secret is shown.</summary>
public sealed class CreatedKey
{
    /// <summary>Pairs a key with its secret.</summary>
    public CreatedKey(SandboxApiKey key, string secretBase64)
    {
        Key = key;
        SecretBase64 = secretBase64;
    }

    /// <summary>The key.</summary>
    public SandboxApiKey Key { get; }

    /// <summary>The secret, base64, as Kraken shows it.</summary>
    public string SecretBase64 { get; }

    /// <inheritdoc />
    public override string ToString() => $"CreatedKey({Key.MaskedKey})";
}
