using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.Fleet.Secrets;

/// <summary>
/// The <see cref="ISecretResolver"/> over environment variables and one secrets file. The file (and its key) is opened
/// lazily, on the first <c>store:</c> reference, so a fleet that uses only <c>env:</c> needs neither.
/// </summary>
public sealed class SecretResolver : ISecretResolver
{
    /// <summary>The prefix of a secrets-file reference.</summary>
    public const string StorePrefix = "store:";

    /// <summary>The prefix of an environment reference.</summary>
    public const string EnvPrefix = "env:";

    private readonly Func<string, string?> _getVariable;
    private readonly string _secretsFile;
    private readonly string _keyFile;
    private readonly Lock _gate = new();
    private SecretsFile? _file;

    /// <summary>Creates a resolver.</summary>
    /// <param name="getVariable">Reads an environment variable (tests substitute it).</param>
    /// <param name="secretsFile">The secrets file for <c>store:</c> references.</param>
    /// <param name="keyFile">The key file used when <c>BULKHEAD_SECRETS_KEY</c> is not set (default: <c>secrets.key</c> beside the secrets file).</param>
    public SecretResolver(Func<string, string?> getVariable, string secretsFile, string? keyFile = null)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        ArgumentNullException.ThrowIfNull(secretsFile);
        _getVariable = getVariable;
        _secretsFile = Path.GetFullPath(secretsFile);
        _keyFile = keyFile ?? SecretsKey.DefaultKeyFile(_secretsFile);
    }

    /// <summary>The resolver for a manifest: its <c>[fleet] secrets</c> file, relative to the manifest's folder.</summary>
    public static SecretResolver ForManifest(FleetManifest manifest, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new SecretResolver(getVariable, SecretsPath(manifest));
    }

    /// <summary>The full path of a manifest's secrets file.</summary>
    public static string SecretsPath(FleetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return Path.GetFullPath(Path.Combine(manifest.BaseDirectory, manifest.Fleet.Secrets));
    }

    /// <inheritdoc />
    public KrakenCredentials Resolve(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.StartsWith(StorePrefix, StringComparison.Ordinal))
        {
            var name = reference[StorePrefix.Length..];
            var entry = File().Find(name)
                ?? throw new SecretsException($"{reference}: the secrets file {_secretsFile} has no entry '{name}'; add it with bulkhead secrets set {name} --file {_secretsFile} (or bulkhead sandbox provision)");
            return entry.ToCredentials();
        }

        if (reference.StartsWith(EnvPrefix, StringComparison.Ordinal))
        {
            var variable = reference[EnvPrefix.Length..];
            var keyVariable = variable + "_KEY";
            var secretVariable = variable + "_SECRET";
            var key = _getVariable(keyVariable);
            var secret = _getVariable(secretVariable);
            if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret))
            {
                var missing = string.Join(" and ", new[] { (keyVariable, key), (secretVariable, secret) }.Where(p => string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1));
                throw new SecretsException($"{reference}: set {missing} (the API key in {keyVariable}, its secret in {secretVariable})");
            }

            if (!KrakenCredentials.TryCreate(key, secret, out var credentials, out var error))
            {
                throw new SecretsException($"{reference}: {keyVariable}/{secretVariable} do not hold a usable Kraken key: {error.Message}");
            }

            return credentials;
        }

        throw new SecretsException($"'{reference}' is not a secret reference: use store:NAME (the secrets file) or env:VAR (VAR_KEY and VAR_SECRET)");
    }

    /// <summary>
    /// Resolves a single value, such as a sandbox admin token: <c>env:VAR</c> is the variable itself, <c>store:NAME</c> the
    /// secret of entry NAME.
    /// </summary>
    /// <exception cref="SecretsException">Malformed reference, missing variable or entry.</exception>
    public string ResolveValue(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.StartsWith(EnvPrefix, StringComparison.Ordinal))
        {
            var variable = reference[EnvPrefix.Length..];
            return _getVariable(variable) is { Length: > 0 } value ? value : throw new SecretsException($"{reference}: set the environment variable {variable}");
        }

        if (reference.StartsWith(StorePrefix, StringComparison.Ordinal))
        {
            var name = reference[StorePrefix.Length..];
            return (File().Find(name) ?? throw new SecretsException($"{reference}: the secrets file {_secretsFile} has no entry '{name}'")).Secret;
        }

        throw new SecretsException($"'{reference}' is not a secret reference: use env:VAR or store:NAME");
    }

    /// <inheritdoc />
    public override string ToString() => $"SecretResolver({_secretsFile})";

    private SecretsFile File()
    {
        lock (_gate)
        {
            return _file ??= SecretsFile.Open(_secretsFile, SecretsKey.Resolve(_getVariable, _keyFile, createKeyFile: false, out _));
        }
    }
}
