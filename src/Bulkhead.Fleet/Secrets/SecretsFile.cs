using System.Text.RegularExpressions;
using Bulkhead.Fleet.Secrets.Internal;

namespace Bulkhead.Fleet.Secrets;

/// <summary>
/// The encrypted secrets file: named API keys and secrets, AES-256-GCM with an authenticated, versioned header, written
/// atomically (temp file, fsync, rename) with mode 0600. <see cref="Open"/> reads a snapshot; <see cref="OpenForUpdateAsync"/>
/// also holds an exclusive lock (<c>FILE.lock</c>) until disposed, so concurrent editors never lose each other's changes.
/// Format: docs/fleet-secrets.md.
/// </summary>
public sealed partial class SecretsFile : IDisposable
{
    private readonly SecretsKey _key;
    private readonly FileStream? _lock;
    private readonly List<SecretEntry> _entries;

    private SecretsFile(string path, SecretsKey key, List<SecretEntry> entries, FileStream? fileLock)
    {
        Path = path;
        _key = key;
        _entries = entries;
        _lock = fileLock;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The entries, in the order they were added.</summary>
    public IReadOnlyList<SecretEntry> Entries => _entries;

    /// <summary>A test hook run after the new file is durable and before it replaces the old one.</summary>
    internal Action<string>? BeforeRename { get; set; }

    /// <summary>Reads the file (an absent file is empty). No lock is taken: writes are atomic renames, so a reader sees one whole version.</summary>
    /// <exception cref="SecretsException">Wrong key, corrupted or unreadable file.</exception>
    public static SecretsFile Open(string path, SecretsKey key)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(key);
        var full = System.IO.Path.GetFullPath(path);
        return new SecretsFile(full, key, Read(full, key), null);
    }

    /// <summary>Locks the file for editing (waiting up to <paramref name="wait"/> for another editor), then reads it.</summary>
    /// <exception cref="SecretsException">Still locked after the wait, wrong key, corrupted or unreadable file.</exception>
    public static async Task<SecretsFile> OpenForUpdateAsync(string path, SecretsKey key, TimeProvider time, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(time);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var started = time.GetTimestamp();
        FileStream fileLock;
        while (true)
        {
            try
            {
                fileLock = OwnerOnlyFile.OpenLock(full + ".lock");
                break;
            }
            catch (IOException) when (time.GetElapsedTime(started) < wait)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new SecretsException($"{full} is being edited by another process (its lock {full}.lock is held); try again when it finishes", e);
            }
        }

        try
        {
            return new SecretsFile(full, key, Read(full, key), fileLock);
        }
        catch
        {
            await fileLock.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The entry named <paramref name="name"/>, or null.</summary>
    public SecretEntry? Find(string name) => _entries.Find(e => e.Name == name);

    /// <summary>Adds a new entry (not saved until <see cref="Save"/>).</summary>
    /// <exception cref="SecretsException">The name is invalid or already used (rotate it instead).</exception>
    public SecretEntry Add(string name, string apiKey, string secret, DateTimeOffset now)
    {
        CheckName(name);
        CheckValue(name, apiKey, secret);
        if (Find(name) is not null)
        {
            throw new SecretsException($"the secrets file already has an entry '{name}'; replace its value with bulkhead secrets rotate {name}");
        }

        var entry = new SecretEntry(name, apiKey.Trim(), secret.Trim(), now, null, []);
        _entries.Add(entry);
        return entry;
    }

    /// <summary>Replaces an entry's key and secret, keeping its creation date and the dates of earlier rotations (not saved until <see cref="Save"/>).</summary>
    /// <exception cref="SecretsException">No such entry.</exception>
    public SecretEntry Rotate(string name, string apiKey, string secret, DateTimeOffset now)
    {
        CheckValue(name, apiKey, secret);
        var index = _entries.FindIndex(e => e.Name == name);
        if (index < 0)
        {
            throw new SecretsException($"the secrets file {Path} has no entry '{name}'; add it with bulkhead secrets set {name}");
        }

        var rotated = _entries[index].WithRotation(apiKey.Trim(), secret.Trim(), now);
        _entries[index] = rotated;
        return rotated;
    }

    /// <summary>Removes an entry (not saved until <see cref="Save"/>); false when there was none.</summary>
    public bool Remove(string name) => _entries.RemoveAll(e => e.Name == name) > 0;

    /// <summary>Encrypts the entries with a fresh nonce and replaces the file atomically (mode 0600).</summary>
    public void Save()
    {
        var payload = new SecretsPayload
        {
            Entries = [.. _entries.Select(e => new SecretsPayloadEntry
            {
                Name = e.Name,
                ApiKey = e.ApiKey,
                Secret = e.Secret,
                Created = e.Created,
                Rotated = e.Rotated,
                EarlierRotations = [.. e.EarlierRotations],
            })],
        };
        OwnerOnlyFile.WriteAtomically(Path, SecretsFormat.Encrypt(payload, _key), BeforeRename);
    }

    /// <summary>Releases the edit lock, if held.</summary>
    public void Dispose() => _lock?.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"SecretsFile({Path}, {_entries.Count} entries)";

    /// <summary>True when <paramref name="name"/> can name an entry: 1–64 of letters, digits, '.', '_' and '-'.</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    private static List<SecretEntry> Read(string path, SecretsKey key)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return [];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SecretsException($"cannot read the secrets file {path}: permission denied", e);
        }

        var payload = SecretsFormat.Decrypt(bytes, key, path);
        return [.. payload.Entries.Select(e => new SecretEntry(e.Name, e.ApiKey, e.Secret, e.Created, e.Rotated, [.. e.EarlierRotations]))];
    }

    private static void CheckName(string name)
    {
        if (!IsValidName(name))
        {
            throw new SecretsException($"'{name}' cannot name a secret: use 1-64 of letters, digits, '.', '_' and '-' (the manifest's key name)");
        }
    }

    private static void CheckValue(string name, string apiKey, string secret)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || string.IsNullOrWhiteSpace(secret))
        {
            throw new SecretsException($"the API key and the secret for '{name}' must both be non-empty");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
