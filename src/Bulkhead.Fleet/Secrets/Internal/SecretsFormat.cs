using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;

namespace Bulkhead.Fleet.Secrets.Internal;

/// <summary>
/// The secrets file's bytes (format version 1), see docs/fleet-secrets.md:
/// <code>
/// offset size
///  0      8  magic "BHSECRET"
///  8      1  format version (1)
///  9      1  algorithm (1 = AES-256-GCM)
/// 10      2  reserved, zero
/// 12      8  key id (HMAC-SHA256(key, "bulkhead-secrets-key-id")[0..8])
/// 20     12  nonce (random, new on every write)
/// 32      4  ciphertext length, big-endian
/// 36      N  ciphertext of the UTF-8 JSON payload
/// 36+N   16  GCM tag
/// </code>
/// The whole 36-byte header is the GCM associated data, so changing any header byte fails authentication too.
/// </summary>
internal static class SecretsFormat
{
    public const byte Version = 1;
    public const int HeaderLength = 36;
    public const int TagLength = 16;
    private const byte AesGcm256 = 1;
    private const int NonceLength = 12;
    private static readonly byte[] Magic = "BHSECRET"u8.ToArray();

    public static byte[] Encrypt(SecretsPayload payload, SecretsKey key)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(payload, SecretsJsonContext.Default.SecretsPayload);
        try
        {
            var file = new byte[HeaderLength + plaintext.Length + TagLength];
            var header = file.AsSpan(0, HeaderLength);
            Magic.CopyTo(header);
            header[8] = Version;
            header[9] = AesGcm256;
            key.Id.CopyTo(header[12..]);
            RandomNumberGenerator.Fill(header.Slice(20, NonceLength));
            BinaryPrimitives.WriteInt32BigEndian(header[32..], plaintext.Length);
            using var aes = new AesGcm(key.Bytes, TagLength);
            aes.Encrypt(header.Slice(20, NonceLength), plaintext, file.AsSpan(HeaderLength, plaintext.Length), file.AsSpan(HeaderLength + plaintext.Length), header);
            return file;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public static SecretsPayload Decrypt(ReadOnlySpan<byte> file, SecretsKey key, string path)
    {
        if (file.Length < Magic.Length || !file[..Magic.Length].SequenceEqual(Magic))
        {
            throw new SecretsException($"{path} is not a Bulkhead secrets file (it does not start with BHSECRET)");
        }

        if (file.Length < HeaderLength + TagLength)
        {
            throw new SecretsException($"{path} is truncated ({file.Length} bytes): corrupted file; restore it from a backup");
        }

        var header = file[..HeaderLength];
        if (header[8] != Version)
        {
            throw new SecretsException($"{path} has format version {header[8]}; this Bulkhead reads version {Version}: use the Bulkhead that wrote it");
        }

        if (header[9] != AesGcm256 || header[10] != 0 || header[11] != 0)
        {
            throw new SecretsException($"{path} names an unknown algorithm ({header[9]}): corrupted file or written by another tool");
        }

        if (!header.Slice(12, 8).SequenceEqual(key.Id))
        {
            throw new SecretsException(
                $"wrong key: {path} was written with secrets key id {Convert.ToHexStringLower(header.Slice(12, 8))}, but the key from {key.Source} has id {key.IdText}; use the key the file was written with");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(header[32..]);
        if (length < 0 || length != file.Length - HeaderLength - TagLength)
        {
            throw new SecretsException($"{path} is truncated or corrupted (header says {length} bytes of ciphertext, the file has {file.Length - HeaderLength - TagLength}); restore it from a backup");
        }

        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key.Bytes, TagLength);
            aes.Decrypt(header.Slice(20, NonceLength), file.Slice(HeaderLength, length), file.Slice(HeaderLength + length, TagLength), plaintext, header);
            return JsonSerializer.Deserialize(plaintext, SecretsJsonContext.Default.SecretsPayload)
                ?? throw new SecretsException($"{path} decrypted to an empty payload: corrupted file");
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new SecretsException($"cannot decrypt {path}: wrong key or corrupted file (authentication failed); check {key.Source}, or restore the file from a backup", e);
        }
        catch (JsonException)
        {
            // The parser's message could quote decrypted content: do not chain it.
            throw new SecretsException($"{path} decrypted but its content is not a secrets payload: corrupted or written by another tool");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
