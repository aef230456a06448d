using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Bulkhead.Kraken.Signing;

/// <summary>
/// Kraken Spot <c>API-Sign</c>: <c>base64(HMAC-SHA512(base64decode(secret), utf8(path) ‖ SHA256(utf8(nonce + body))))</c>
/// (shared/kraken/spot.md §2). The only allocation is the returned header string.
/// </summary>
public static class SpotSigner
{
    private const int StackLimit = 1024;
    private const int MaxLongDigits = 20;

    /// <summary>Signs a private Spot request.</summary>
    /// <param name="credentials">The key's credentials.</param>
    /// <param name="path">The URL path, e.g. <c>/0/private/Balance</c> (no host, no query).</param>
    /// <param name="nonce">The nonce as it appears in the body.</param>
    /// <param name="body">The exact body bytes sent.</param>
    public static string Sign(KrakenCredentials credentials, string path, long nonce, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return Sign(credentials.Secret, path, nonce, body);
    }

    internal static string Sign(ReadOnlySpan<byte> secret, string path, long nonce, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[HMACSHA512.HashSizeInBytes];
        Compute(secret, path, nonce, body, mac);
        return Convert.ToBase64String(mac);
    }

    /// <summary>Checks a signature as Kraken does, in constant time. For servers (the sandbox, test fixtures).</summary>
    public static bool Verify(ReadOnlySpan<byte> secret, string path, string nonce, ReadOnlySpan<byte> body, string? apiSign)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(nonce);
        if (string.IsNullOrEmpty(apiSign))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[HMACSHA512.HashSizeInBytes + 3];
        if (!Convert.TryFromBase64String(apiSign, given, out var written) || written != HMACSHA512.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA512.HashSizeInBytes];
        Compute(secret, path, nonce, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }

    /// <summary>Checks a signature made with <paramref name="credentials"/>, in constant time (a relay checking its callers).</summary>
    public static bool Verify(KrakenCredentials credentials, string path, string nonce, ReadOnlySpan<byte> body, string? apiSign)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return Verify(credentials.Secret, path, nonce, body, apiSign);
    }

    private static void Compute(ReadOnlySpan<byte> secret, string path, long nonce, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        Span<byte> nonceBytes = stackalloc byte[MaxLongDigits];
        nonce.TryFormat(nonceBytes, out var nonceLength, default, System.Globalization.CultureInfo.InvariantCulture);
        ComputeCore(secret, path, nonceBytes[..nonceLength], body, mac);
    }

    private static void Compute(ReadOnlySpan<byte> secret, string path, string nonce, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        var nonceLength = Encoding.UTF8.GetByteCount(nonce);
        byte[]? rented = null;
        var nonceBytes = nonceLength <= MaxLongDigits ? stackalloc byte[nonceLength] : (rented = ArrayPool<byte>.Shared.Rent(nonceLength));
        var written = Encoding.UTF8.GetBytes(nonce, nonceBytes);
        ComputeCore(secret, path, nonceBytes[..written], body, mac);

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void ComputeCore(ReadOnlySpan<byte> secret, string path, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        var innerLength = nonce.Length + body.Length;
        byte[]? rentedInner = null;
        // Buffers sized to the data, not to StackLimit: stackalloc zeroes what it reserves.
        var inner = innerLength <= StackLimit ? stackalloc byte[innerLength] : (rentedInner = ArrayPool<byte>.Shared.Rent(innerLength));
        nonce.CopyTo(inner);
        body.CopyTo(inner[nonce.Length..]);

        var pathLength = Encoding.UTF8.GetByteCount(path);
        var messageLength = pathLength + SHA256.HashSizeInBytes;
        byte[]? rentedMessage = null;
        var message = messageLength <= StackLimit ? stackalloc byte[messageLength] : (rentedMessage = ArrayPool<byte>.Shared.Rent(messageLength));
        Encoding.UTF8.GetBytes(path, message);
        SHA256.HashData(inner[..innerLength], message.Slice(pathLength, SHA256.HashSizeInBytes));
        HMACSHA512.HashData(secret, message[..messageLength], mac);

        if (rentedInner is not null)
        {
            ArrayPool<byte>.Shared.Return(rentedInner);
        }

        if (rentedMessage is not null)
        {
            ArrayPool<byte>.Shared.Return(rentedMessage);
        }
    }
}
