using System.Security.Cryptography;
using System.Text;
using Bulkhead.Fleet.Secrets.Internal;

namespace Bulkhead.Fleet.Secrets;

/// <summary>
/// The 256-bit AES key that encrypts a secrets file. It comes from <c>BULKHEAD_SECRETS_KEY</c> (base64 of 32 bytes), else
/// from a key file that only its owner can read (0600; created by <c>bulkhead secrets set</c> when absent). A sealed class
/// whose <see cref="ToString"/> shows only the key's id.
/// </summary>
public sealed class SecretsKey
{
    /// <summary>The environment variable holding the key as base64.</summary>
    public const string Variable = "BULKHEAD_SECRETS_KEY";

    /// <summary>The key's length in bytes.</summary>
    public const int Length = 32;

    private readonly byte[] _key;

    private SecretsKey(byte[] key, string source)
    {
        _key = key;
        Source = source;
        using var hmac = new HMACSHA256(key);
        Id = hmac.ComputeHash(Encoding.ASCII.GetBytes("bulkhead-secrets-key-id")).AsSpan(0, 8).ToArray();
    }

    /// <summary>Where the key came from, for messages: the variable's name or the key file's path.</summary>
    public string Source { get; }

    /// <summary>A short public fingerprint of the key, stored in the file header so a wrong key is recognised as such.</summary>
    internal byte[] Id { get; }

    /// <summary>The key's id in hex, for messages.</summary>
    public string IdText => Convert.ToHexStringLower(Id);

    internal ReadOnlySpan<byte> Bytes => _key;

    /// <summary>Wraps 32 key bytes (copied).</summary>
    public static SecretsKey FromBytes(ReadOnlySpan<byte> key, string source)
    {
        if (key.Length != Length)
        {
            throw new SecretsException($"a secrets key is {Length} bytes; the one from {source} has {key.Length}");
        }

        return new SecretsKey(key.ToArray(), source);
    }

    /// <summary>A fresh random key.</summary>
    public static SecretsKey Generate(string source) => new(RandomNumberGenerator.GetBytes(Length), source);

    /// <summary>The default key file for a secrets file: <c>secrets.key</c> beside <c>secrets.enc</c>.</summary>
    public static string DefaultKeyFile(string secretsFile) => Path.ChangeExtension(Path.GetFullPath(secretsFile), ".key");

    /// <summary>
    /// The key from <see cref="Variable"/> when it is set, else from <paramref name="keyFile"/>. When neither exists and
    /// <paramref name="createKeyFile"/> is true, a new key is generated and written to <paramref name="keyFile"/> (0600).
    /// </summary>
    /// <exception cref="SecretsException">The variable is not base64 of 32 bytes, the key file is missing, unreadable or open to group or others.</exception>
    public static SecretsKey Resolve(Func<string, string?> getVariable, string keyFile, bool createKeyFile, out bool created)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        ArgumentNullException.ThrowIfNull(keyFile);
        created = false;
        if (getVariable(Variable) is { Length: > 0 } text)
        {
            return Parse(text, Variable, $"set {Variable} to the base64 of 32 random bytes, e.g. $(head -c 32 /dev/urandom | base64)");
        }

        if (!File.Exists(keyFile))
        {
            if (!createKeyFile)
            {
                throw new SecretsException($"no secrets key: set {Variable} or create the key file {keyFile} (bulkhead secrets set creates it)");
            }

            var key = Generate(keyFile);
            try
            {
                OwnerOnlyFile.CreateNew(keyFile, Encoding.ASCII.GetBytes(Convert.ToBase64String(key._key) + "\n"));
                created = true;
                return key;
            }
            catch (IOException) when (File.Exists(keyFile))
            {
                // Another process created it first: use theirs.
            }
        }

        if (OwnerOnlyFile.OpenToOthers(keyFile) is { } mode)
        {
            throw new SecretsException($"the secrets key file {keyFile} is readable by group or others (mode {mode}); fix: chmod 600 {keyFile}");
        }

        string content;
        try
        {
            content = File.ReadAllText(keyFile);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SecretsException($"cannot read the secrets key file {keyFile}: permission denied", e);
        }

        return Parse(content, keyFile, $"the key file must hold one line: the base64 of 32 bytes; restore it from your backup");
    }

    /// <inheritdoc />
    public override string ToString() => $"SecretsKey(id {IdText}, from {Source})";

    private static SecretsKey Parse(string text, string source, string fix)
    {
        var buffer = new byte[((text.Length * 3) / 4) + 3];
        try
        {
            if (!Convert.TryFromBase64String(text.Trim(), buffer, out var written))
            {
                throw new SecretsException($"the secrets key from {source} is not base64; {fix}");
            }

            if (written != Length)
            {
                throw new SecretsException($"the secrets key from {source} decodes to {written} bytes, not {Length}; {fix}");
            }

            return new SecretsKey(buffer.AsSpan(0, Length).ToArray(), source);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }
}
