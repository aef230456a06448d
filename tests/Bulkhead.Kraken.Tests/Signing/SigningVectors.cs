using System.Text.Json;

namespace Bulkhead.Kraken.Tests.Signing;

/// <summary>fixtures/vectors.json, produced by fixtures/sign-vectors.mjs with node:crypto and ccxt (copied to the test output).</summary>
internal sealed record SigningVectors(string Comment, string Ccxt, IReadOnlyList<SpotVector> Spot, IReadOnlyList<FuturesVector> Futures)
{
    public const string FileName = "vectors.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<SigningVectors> LazyLoaded = new(() =>
        JsonSerializer.Deserialize<SigningVectors>(File.ReadAllText(OutputPath), JsonOptions)
        ?? throw new InvalidOperationException($"{OutputPath} is empty"));

    public static string OutputPath => Path.Combine(AppContext.BaseDirectory, "Signing", "fixtures", FileName);

    public static SigningVectors Loaded => LazyLoaded.Value;

    /// <summary>The fixtures folder in the source tree (where node_modules lives), found by walking up to Bulkhead.slnx.</summary>
    public static string? SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bulkhead.slnx")))
            {
                var folder = Path.Combine(dir.FullName, "tests", "Bulkhead.Kraken.Tests", "Signing", "fixtures");
                return Directory.Exists(folder) ? folder : null;
            }
        }

        return null;
    }
}

internal sealed record SpotVector(string Name, string Source, string Secret, string Path, string Nonce, string Body, string ApiSign);

internal sealed record FuturesVector(string Name, string Source, string Secret, string UrlPath, string PostData, string Nonce, string Authent);
