using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Bulkhead.Kraken.Signing;

/// <summary>
/// Kraken Futures <c>Authent</c>: <c>base64(HMAC-SHA512(base64decode(secret), SHA256(utf8(postData + nonce + endpointPath))))</c>,
/// where <c>endpointPath</c> is the URL path with a leading <c>/derivatives</c> removed (shared/kraken/futures.md §1).
/// </summary>
public static class FuturesSigner
{
    private const int StackLimit = 1024;
    private const string DerivativesPrefix = "/derivatives";

    /// <summary>The path that is signed for a request URL path: <c>/derivatives/api/v3/x</c> → <c>/api/v3/x</c>; other paths unchanged.</summary>
    public static string SignedPath(string urlPath)
    {
        ArgumentNullException.ThrowIfNull(urlPath);
        return urlPath.StartsWith(DerivativesPrefix + "/", StringComparison.Ordinal) ? urlPath[DerivativesPrefix.Length..] : urlPath;
    }

    /// <summary>Signs a private Futures request.</summary>
    /// <param name="credentials">The key's credentials.</param>
    /// <param name="postData">The raw query string (without <c>?</c>) followed by the raw body, exactly as sent.</param>
    /// <param name="nonce">The <c>Nonce</c> header value, or empty when none is sent.</param>
    /// <param name="urlPath">The URL path, e.g. <c>/derivatives/api/v3/sendorder</c>; the prefix is stripped here.</param>
    public static string Sign(KrakenCredentials credentials, string postData, string nonce, string urlPath)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return Sign(credentials.Secret, postData, nonce, urlPath);
    }

    internal static string Sign(ReadOnlySpan<byte> secret, string postData, string nonce, string urlPath)
    {
        Span<byte> mac = stackalloc byte[HMACSHA512.HashSizeInBytes];
        Compute(secret, postData, nonce, SignedPath(urlPath), mac);
        return Convert.ToBase64String(mac);
    }

    /// <summary>Checks an <c>Authent</c> header in constant time. For servers (the sandbox, test fixtures).</summary>
    public static bool Verify(ReadOnlySpan<byte> secret, string postData, string nonce, string urlPath, string? authent)
    {
        ArgumentNullException.ThrowIfNull(postData);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(urlPath);
        if (string.IsNullOrEmpty(authent))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[HMACSHA512.HashSizeInBytes + 3];
        if (!Convert.TryFromBase64String(authent, given, out var written) || written != HMACSHA512.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA512.HashSizeInBytes];
        Compute(secret, postData, nonce, SignedPath(urlPath), expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }

    private static void Compute(ReadOnlySpan<byte> secret, string postData, string nonce, string signedPath, Span<byte> mac)
    {
        var length = Encoding.UTF8.GetByteCount(postData) + Encoding.UTF8.GetByteCount(nonce) + Encoding.UTF8.GetByteCount(signedPath);
        byte[]? rented = null;
        var message = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var written = Encoding.UTF8.GetBytes(postData, message);
        written += Encoding.UTF8.GetBytes(nonce, message[written..]);
        written += Encoding.UTF8.GetBytes(signedPath, message[written..]);

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(message[..written], digest);
        HMACSHA512.HashData(secret, digest, mac);

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
