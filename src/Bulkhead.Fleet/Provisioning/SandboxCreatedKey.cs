namespace Bulkhead.Fleet.Provisioning;

/// <summary>A key the sandbox just created, with its secret. A sealed class whose <see cref="ToString"/> hides the secret.</summary>
public sealed class SandboxCreatedKey
{
    internal SandboxCreatedKey(string key, string secret)
    {
        Key = key;
        Secret = secret;
    }

    /// <summary>The public API key.</summary>
    public string Key { get; }

    /// <summary>The secret (base64), for storing in the secrets file only.</summary>
    internal string Secret { get; }

    /// <inheritdoc />
    public override string ToString() => $"SandboxCreatedKey({Secrets.SecretEntry.Mask(Key)})";
}
