using System.Text.Json;
using Bulkhead.Testing.FakeKraken;

namespace Bulkhead.Kraken.Tests.Spot;

/// <summary>One endpoint's request and response, from <c>Spot/Fixtures/{Method}.json</c>; the same files can drive sandbox conformance.</summary>
internal sealed record SpotFixture(string Method, bool IsPrivate, IReadOnlyList<KeyValuePair<string, string>> Request, string ResultJson)
{
    public static SpotFixture Load(string method)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Spot", "Fixtures", method + ".json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var request = root.GetProperty("request").EnumerateObject()
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!))
            .ToList();
        return new SpotFixture(
            root.GetProperty("method").GetString()!,
            root.GetProperty("private").GetBoolean(),
            request,
            root.GetProperty("response").GetProperty("result").GetRawText());
    }

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Spot", "Fixtures"), "*.json").Select(Path.GetFileNameWithoutExtension)!;

    public void Serve(FakeSpotServer server) => server.SetResult(Method, ResultJson);
}
