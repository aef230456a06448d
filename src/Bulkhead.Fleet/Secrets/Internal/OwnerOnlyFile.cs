using System.Globalization;
using System.Security.Cryptography;

namespace Bulkhead.Fleet.Secrets.Internal;

/// <summary>Files only their owner may read (0600 on Unix), written atomically: temp file in the same folder, fsync, rename.</summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates <paramref name="path"/> (it must not exist) with mode 0600 and the given content, flushed to disk.</summary>
    public static void CreateNew(string path, ReadOnlySpan<byte> content)
    {
        using var stream = new FileStream(path, Options(FileMode.CreateNew));
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="content"/> atomically: readers see the old file or the new one,
    /// never a mix, and a crash at any point leaves the old file intact (at worst a stale temp file beside it).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="content">The new content.</param>
    /// <param name="beforeRename">A test hook run after the temp file is durable and before the rename.</param>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content, Action<string>? beforeRename = null)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.tmp"));
        try
        {
            using (var stream = new FileStream(temp, Options(FileMode.CreateNew)))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            beforeRename?.Invoke(temp);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Opens (creating, 0600) and exclusively locks a lock file; throws <see cref="IOException"/> while another holder has it.</summary>
    public static FileStream OpenLock(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        return new FileStream(path, options);
    }

    /// <summary>The file's mode in octal when group or others have any access to it (Unix only), else null.</summary>
    public static string? OpenToOthers(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        return (mode & GroupOrOthers) != 0 ? Convert.ToString((int)mode, 8).PadLeft(4, '0') : null;
    }

    private static FileStreamOptions Options(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        return options;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stale temp file is harmless (never read).
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
