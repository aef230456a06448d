using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.Runtime.Gateway;

/// <summary>
/// The key and secret a bot uses to talk to its gateway: random, made for one gateway, worthless anywhere else (the
/// exchange has never seen them). Written 0600 as <c>{"key","secret"}</c> (the shape <c>bulkhead api --key-file</c> and
/// most bots read) or handed to a supervised child in its environment. A sealed class, never a record: its
/// <see cref="ToString"/> shows the masked key only.
/// </summary>
public sealed class LocalCredential
{
    private const int KeyBytes = 42;
    private const int SecretBytes = 64;

    private LocalCredential(string apiKey, string secret)
    {
        ApiKey = apiKey;
        Secret = secret;
        Credentials = KrakenCredentials.Create(apiKey, secret);
    }

    /// <summary>The local API key (56 base64 characters, like Kraken's).</summary>
    public string ApiKey { get; }

    /// <summary>The local secret, base64 (64 bytes, like Kraken's). Given to the bot; it signs nothing but calls to this gateway.</summary>
    public string Secret { get; }

    /// <summary>The pair as credentials, for checking the bot's signatures.</summary>
    public KrakenCredentials Credentials { get; }

    /// <summary>A new random credential.</summary>
    public static LocalCredential Create() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)));

    /// <summary>Reads a credential file written by <see cref="WriteFile"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not <c>{"key","secret"}</c> with a usable secret (the message never quotes it).</exception>
    public static LocalCredential ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
            var key = json?["key"]?.GetValue<string>();
            var secret = json?["secret"]?.GetValue<string>();
            if (!KrakenCredentials.TryCreate(key, secret, out _, out var error))
            {
                throw new InvalidDataException($"{path}: {error.Message}");
            }

            return new LocalCredential(key!, secret!);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a credential file ({{\"key\":…,\"secret\":…}})", ex);
        }
    }

    /// <summary>Writes <c>{"key","secret"}</c> to <paramref name="path"/>, readable and writable by this user only (0600).</summary>
    public void WriteFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            JsonSerializer.Serialize(stream, new JsonObject { ["key"] = ApiKey, ["secret"] = Secret });
        }

        // An existing file keeps its mode on FileMode.Create: set it again.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"LocalCredential({Credentials.MaskedKey})";
}
