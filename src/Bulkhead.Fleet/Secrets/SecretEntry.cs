using System.Collections.Immutable;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.Fleet.Secrets;

/// <summary>
/// One named API key and its secret in a <see cref="SecretsFile"/>, with when it was stored and rotated. A sealed class
/// (never a record, whose generated <c>ToString</c> would print the secret): <see cref="ToString"/> shows the name and the
/// masked key only, and the secret is reachable only inside this assembly.
/// </summary>
public sealed class SecretEntry
{
    internal SecretEntry(string name, string apiKey, string secret, DateTimeOffset created, DateTimeOffset? rotated, ImmutableArray<DateTimeOffset> earlierRotations)
    {
        Name = name;
        ApiKey = apiKey;
        Secret = secret;
        Created = created;
        Rotated = rotated;
        EarlierRotations = earlierRotations;
    }

    /// <summary>The entry's name (the manifest's key name; <c>store:NAME</c> refers to it).</summary>
    public string Name { get; }

    /// <summary>The public API key.</summary>
    public string ApiKey { get; }

    /// <summary>The API key with all but its first and last four characters hidden.</summary>
    public string MaskedApiKey => Mask(ApiKey);

    /// <summary>When the entry was first stored.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>When its value was last replaced by a rotation (null: never rotated).</summary>
    public DateTimeOffset? Rotated { get; }

    /// <summary>The rotations before <see cref="Rotated"/>, oldest first: the history the file keeps (dates only, never old values).</summary>
    public ImmutableArray<DateTimeOffset> EarlierRotations { get; }

    /// <summary>When the current value was stored: the last rotation, else creation.</summary>
    public DateTimeOffset CurrentSince => Rotated ?? Created;

    /// <summary>The secret, for this assembly's resolver and provisioner only.</summary>
    internal string Secret { get; }

    /// <summary>The entry as Kraken credentials.</summary>
    /// <exception cref="SecretsException">The stored key or secret is not a valid Kraken key (the message names the entry, never the value).</exception>
    public KrakenCredentials ToCredentials()
    {
        if (!KrakenCredentials.TryCreate(ApiKey, Secret, out var credentials, out var error))
        {
            throw new SecretsException($"the secrets entry '{Name}' does not hold a usable Kraken key: {error.Message}; replace it with bulkhead secrets rotate {Name}");
        }

        return credentials;
    }

    /// <inheritdoc />
    public override string ToString() => $"SecretEntry({Name}, {MaskedApiKey})";

    internal SecretEntry WithRotation(string apiKey, string secret, DateTimeOffset now) =>
        new(Name, apiKey, secret, Created, now, Rotated is { } previous ? EarlierRotations.Add(previous) : EarlierRotations);

    internal static string Mask(string apiKey) =>
        apiKey.Length <= 8 ? new string('*', apiKey.Length) : string.Concat(apiKey.AsSpan(0, 4), "…", apiKey.AsSpan(apiKey.Length - 4));
}
