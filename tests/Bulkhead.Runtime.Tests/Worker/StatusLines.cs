using System.Text.Json.Nodes;

namespace Bulkhead.Runtime.Tests.Worker;

/// <summary>A worker's stdout as Contract W status lines: every line must be one JSON object.</summary>
internal static class StatusLines
{
    public static List<JsonObject> Parse(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (JsonObject)JsonNode.Parse(line)!)];

    public static List<string> Events(string output) => [.. Parse(output).Select(l => l["event"]!.GetValue<string>())];

    public static JsonObject? Last(string output, string eventName) => Parse(output).LastOrDefault(l => l["event"]!.GetValue<string>() == eventName);
}

/// <summary>A thread-safe StringWriter for a worker's status lines written from several tasks.</summary>
internal sealed class SharedWriter : StringWriter
{
    private readonly Lock _gate = new();

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            base.WriteLine(value);
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }
}
