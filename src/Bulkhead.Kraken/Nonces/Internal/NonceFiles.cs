using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bulkhead.Kraken.Nonces.Internal;

/// <summary>
/// The files of one key under a store directory, all named after the SHA-256 of the API key (never the key):
/// <c>&lt;hash&gt;.lock</c> (held with an exclusive OS lock), <c>&lt;hash&gt;.nonce</c> (the reserved mark, decimal text)
/// and <c>&lt;hash&gt;.holder</c> (who holds the lock, JSON; a separate file because a locked file cannot be read by others).
/// </summary>
internal sealed class NonceFiles
{
    private NonceFiles(string directory, string stem)
    {
        LockPath = Path.Combine(directory, stem + ".lock");
        NoncePath = Path.Combine(directory, stem + ".nonce");
        HolderPath = Path.Combine(directory, stem + ".holder");
    }

    public string LockPath { get; }

    public string NoncePath { get; }

    public string HolderPath { get; }

    public static NonceFiles For(string directory, string apiKey) =>
        new(directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey))));

    /// <summary>Opening a file another handle holds with <see cref="FileShare.None"/>: a sharing violation on Windows, EWOULDBLOCK from flock on Unix.</summary>
    public static bool IsLockConflict(IOException exception)
    {
        if (exception is FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
        {
            return false;
        }

        const int WindowsSharingViolation = 32;
        const int WindowsLockViolation = 33;
        const int LinuxWouldBlock = 11;
        const int BsdWouldBlock = 35;
        var code = exception.HResult;
        return OperatingSystem.IsWindows()
            ? (code & 0xFFFF) is WindowsSharingViolation or WindowsLockViolation
            : code is LinuxWouldBlock or BsdWouldBlock;
    }

    public long ReadReserved()
    {
        string text;
        try
        {
            text = File.ReadAllText(NoncePath, Encoding.ASCII);
        }
        catch (FileNotFoundException)
        {
            return 0;
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new NonceStoreCorruptedException(NoncePath, "it holds no number");
        }

        return long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new NonceStoreCorruptedException(NoncePath, string.Create(CultureInfo.InvariantCulture,
                $"its {text.Length} characters are not a non-negative whole number below 2^63"));
    }

    public void WriteReserved(long value) =>
        WriteAtomically(NoncePath, Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture) + "\n"), durable: true);

    public void WriteHolder(NonceSequenceHolder holder) =>
        WriteAtomically(HolderPath, JsonSerializer.SerializeToUtf8Bytes(holder, NonceJsonContext.Default.NonceSequenceHolder), durable: false);

    public NonceSequenceHolder? TryReadHolder()
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(HolderPath), NonceJsonContext.Default.NonceSequenceHolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void TryDeleteHolder()
    {
        try
        {
            File.Delete(HolderPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A record left behind is harmless: the OS lock is the truth, and readers check the holder is alive.
        }
    }

    /// <summary>
    /// Temp file, flush to disk when durable, atomic rename over the target: a reader sees the old or the new content,
    /// never a torn write. Limitation: the directory entry is not fsynced (not reachable from .NET without P/Invoke).
    /// </summary>
    private static void WriteAtomically(string path, byte[] content, bool durable)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: durable);
        }

        File.Move(temp, path, overwrite: true);
    }
}
