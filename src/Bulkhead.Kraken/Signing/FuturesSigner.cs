using System.Buffers;
using System.Globalization;
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
    private const int MaxLongDigits = 20;

    /// <summary>The path that is signed for a request URL path: <c>/derivatives/api/v3/x</c> → <c>/api/v3/x</c>; other paths unchanged.</summary>
    public static string SignedPath(string urlPath)
    {
        ArgumentNullException.ThrowIfNull(urlPath);
        return HasDerivativesPrefix(urlPath) ? urlPath[DerivativesPrefix.Length..] : urlPath;
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

    /// <summary>
    /// Signs a private Futures request whose <c>Nonce</c> header is <paramref name="nonce"/> in invariant decimal digits.
    /// Same result as <see cref="Sign(KrakenCredentials, string, string, string)"/> with <c>nonce.ToString(CultureInfo.InvariantCulture)</c>, without formatting a string.
    /// </summary>
    /// <param name="credentials">The key's credentials.</param>
    /// <param name="postData">The raw query string (without <c>?</c>) followed by the raw body, exactly as sent.</param>
    /// <param name="nonce">The <c>Nonce</c> header value.</param>
    /// <param name="urlPath">The URL path, e.g. <c>/derivatives/api/v3/sendorder</c>; the prefix is stripped here.</param>
    public static string Sign(KrakenCredentials credentials, string postData, long nonce, string urlPath)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(postData);
        ArgumentNullException.ThrowIfNull(urlPath);
        Span<byte> nonceBytes = stackalloc byte[MaxLongDigits];
        nonce.TryFormat(nonceBytes, out var nonceLength, default, CultureInfo.InvariantCulture);
        Span<byte> mac = stackalloc byte[HMACSHA512.HashSizeInBytes];
        Compute(credentials.Secret, postData, nonceBytes[..nonceLength], SignedPathSpan(urlPath), mac);
        return Convert.ToBase64String(mac);
    }

    internal static string Sign(ReadOnlySpan<byte> secret, string postData, string nonce, string urlPath)
    {
        ArgumentNullException.ThrowIfNull(postData);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(urlPath);
        Span<byte> mac = stackalloc byte[HMACSHA512.HashSizeInBytes];
        Compute(secret, postData, nonce, SignedPathSpan(urlPath), mac);
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
        Compute(secret, postData, nonce, SignedPathSpan(urlPath), expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }

    /// <summary>Checks an <c>Authent</c> header made with <paramref name="credentials"/>, in constant time (a relay checking its callers).</summary>
    public static bool Verify(KrakenCredentials credentials, string postData, string nonce, string urlPath, string? authent)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return Verify(credentials.Secret, postData, nonce, urlPath, authent);
    }

    private static bool HasDerivativesPrefix(string urlPath) => urlPath.StartsWith(DerivativesPrefix + "/", StringComparison.Ordinal);

    // A view, not a substring: signing allocates nothing but the header string.
    private static ReadOnlySpan<char> SignedPathSpan(string urlPath) =>
        HasDerivativesPrefix(urlPath) ? urlPath.AsSpan(DerivativesPrefix.Length) : urlPath.AsSpan();

    private static void Compute(ReadOnlySpan<byte> secret, string postData, string nonce, ReadOnlySpan<char> signedPath, Span<byte> mac)
    {
        var nonceLength = Encoding.UTF8.GetByteCount(nonce);
        byte[]? rented = null;
        var nonceBytes = nonceLength <= MaxLongDigits ? stackalloc byte[nonceLength] : (rented = ArrayPool<byte>.Shared.Rent(nonceLength));
        var written = Encoding.UTF8.GetBytes(nonce, nonceBytes);
        Compute(secret, postData, nonceBytes[..written], signedPath, mac);

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Compute(ReadOnlySpan<byte> secret, string postData, ReadOnlySpan<byte> nonce, ReadOnlySpan<char> signedPath, Span<byte> mac)
    {
        var length = Encoding.UTF8.GetByteCount(postData) + nonce.Length + Encoding.UTF8.GetByteCount(signedPath);
        byte[]? rented = null;
        // Sized to the message, not to StackLimit: stackalloc zeroes what it reserves.
        var message = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var written = Encoding.UTF8.GetBytes(postData, message);
        nonce.CopyTo(message[written..]);
        written += nonce.Length;
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
