using System.Security.Cryptography;
using System.Text;
using Bulkhead.Sandbox.Storage.Internal;

namespace Bulkhead.Sandbox.Api.Admin;

/// <summary>
/// The bearer token every <c>/admin/</c> call must present. It comes from <see cref="SandboxOptions.AdminToken"/>, else
/// from <c>DATA/admin.token</c> (0600), which is generated on first start; in memory mode it is generated and kept only
/// here (the CLI prints it). <see cref="ToString"/> never prints it.
/// </summary>
public sealed class AdminToken
{
    /// <summary>The token file's name inside the data folder.</summary>
    public const string FileName = "admin.token";

    private readonly byte[] _hash;

    private AdminToken(string value, string location, bool generatedInMemory)
    {
        Value = value;
        Location = location;
        GeneratedInMemory = generatedInMemory;
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>The token.</summary>
    public string Value { get; }

    /// <summary>Where the token comes from, for humans: <c>--admin-token</c>, the token file's path, or <c>generated in memory</c>.</summary>
    public string Location { get; }

    /// <summary>True when the token was generated for an in-memory sandbox and exists nowhere else (print it).</summary>
    public bool GeneratedInMemory { get; }

    /// <summary>Chooses the token: the option, else the token file in <paramref name="dataFolder"/> (created if missing), else a fresh one in memory.</summary>
    public static AdminToken Resolve(string? configured, string? dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new AdminToken(configured.Trim(), "--admin-token", generatedInMemory: false);
        }

        if (dataFolder is null)
        {
            return new AdminToken(NewToken(), "generated in memory", generatedInMemory: true);
        }

        DataFolder.Ensure(dataFolder);
        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path))
        {
            try
            {
                DataFolder.WriteOwnerOnly(path, NewToken() + "\n");
            }
            catch (IOException) when (File.Exists(path))
            {
                // Created concurrently by another start; read it below.
            }
        }

        var token = File.ReadAllText(path).Trim();
        if (token.Length == 0)
        {
            throw new InvalidOperationException($"The admin token file {path} is empty: delete it to generate a new one, or pass --admin-token.");
        }

        return new AdminToken(token, path, generatedInMemory: false);
    }

    /// <summary>Compares in constant time (over hashes, so the length does not leak either).</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    /// <inheritdoc />
    public override string ToString() => $"AdminToken({Location})";

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
