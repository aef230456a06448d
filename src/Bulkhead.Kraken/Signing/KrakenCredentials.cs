using System.Diagnostics.CodeAnalysis;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Signing;

/// <summary>
/// An API key and its secret. The secret is held as bytes, is given only to the signers, and is never printed:
/// <see cref="ToString"/> shows a masked key, and no error or exception built here contains the secret.
/// A sealed class on purpose: a record's generated <c>ToString</c> would print every member.
/// </summary>
public sealed class KrakenCredentials
{
    private readonly byte[] _secret;

    private KrakenCredentials(string apiKey, byte[] secret)
    {
        ApiKey = apiKey;
        _secret = secret;
    }

    /// <summary>The public API key, as sent in the <c>API-Key</c> / <c>APIKey</c> header.</summary>
    public string ApiKey { get; }

    /// <summary>The key with all but its first four and last four characters hidden, for logs.</summary>
    public string MaskedKey => Mask(ApiKey);

    /// <summary>The decoded secret, for the signers only.</summary>
    internal ReadOnlySpan<byte> Secret => _secret;

    /// <summary>Parses a key and a base64 secret. On failure, <paramref name="error"/> says what is wrong without quoting the secret.</summary>
    public static bool TryCreate(string? apiKey, string? base64Secret, [NotNullWhen(true)] out KrakenCredentials? credentials, [NotNullWhen(false)] out KrakenError? error)
    {
        credentials = null;
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            error = KrakenErrors.InvalidCredentials("the API key is empty");
            return false;
        }

        if (apiKey.Any(char.IsWhiteSpace) || apiKey.Any(char.IsControl))
        {
            error = KrakenErrors.InvalidCredentials("the API key contains white space or control characters; copy it again without line breaks");
            return false;
        }

        if (string.IsNullOrWhiteSpace(base64Secret))
        {
            error = KrakenErrors.InvalidCredentials($"the API secret for key {Mask(apiKey)} is empty");
            return false;
        }

        var trimmed = base64Secret.Trim();
        var buffer = new byte[(trimmed.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(trimmed, buffer, out var written))
        {
            error = KrakenErrors.InvalidCredentials(
                $"the API secret for key {Mask(apiKey)} is not valid base64 ({trimmed.Length} characters); Kraken shows secrets as base64, copy it again whole");
            return false;
        }

        if (written < MinimumSecretBytes)
        {
            error = KrakenErrors.InvalidCredentials(
                $"the API secret for key {Mask(apiKey)} decodes to {written} bytes; Kraken secrets are 64 bytes (at least {MinimumSecretBytes} accepted)");
            return false;
        }

        credentials = new KrakenCredentials(apiKey, buffer.AsSpan(0, written).ToArray());
        CryptographicClear(buffer);
        error = null;
        return true;
    }

    /// <summary>Parses a key and a base64 secret, or throws <see cref="KrakenException"/> with a message that does not contain the secret.</summary>
    public static KrakenCredentials Create(string? apiKey, string? base64Secret) =>
        TryCreate(apiKey, base64Secret, out var credentials, out var error) ? credentials : throw new KrakenException(error);

    /// <summary>The smallest decoded secret accepted. Kraken's Spot and Futures secrets are 64 bytes.</summary>
    public const int MinimumSecretBytes = 32;

    /// <inheritdoc />
    public override string ToString() => $"KrakenCredentials({MaskedKey})";

    internal static string Mask(string apiKey) =>
        apiKey.Length <= 8 ? new string('*', apiKey.Length) : string.Concat(apiKey.AsSpan(0, 4), "…", apiKey.AsSpan(apiKey.Length - 4));

    private static void CryptographicClear(byte[] buffer) => System.Security.Cryptography.CryptographicOperations.ZeroMemory(buffer);
}
