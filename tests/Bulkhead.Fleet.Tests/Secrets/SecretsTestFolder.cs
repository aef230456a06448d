using System.Security.Cryptography;

namespace Bulkhead.Fleet.Tests.Secrets;

/// <summary>A temporary folder, and a Kraken-like key and secret that appear nowhere else.</summary>
internal sealed class SecretsTestFolder : IDisposable
{
    public SecretsTestFolder()
    {
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bulkhead-secrets-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public static string NewApiKey() => "K" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(42)).Replace('/', 'a').Replace('+', 'b');

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
