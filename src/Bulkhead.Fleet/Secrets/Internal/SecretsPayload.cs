using System.Text.Json.Serialization;

namespace Bulkhead.Fleet.Secrets.Internal;

/// <summary>The plaintext inside a secrets file: JSON, encrypted as a whole. Classes, not records: no generated ToString.</summary>
internal sealed class SecretsPayload
{
    [JsonPropertyName("entries")]
    public List<SecretsPayloadEntry> Entries { get; set; } = [];
}

/// <summary>One entry of <see cref="SecretsPayload"/>.</summary>
internal sealed class SecretsPayloadEntry
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("apiKey")]
    public string ApiKey { get; set; } = "";

    [JsonPropertyName("secret")]
    public string Secret { get; set; } = "";

    [JsonPropertyName("created")]
    public DateTimeOffset Created { get; set; }

    [JsonPropertyName("rotated")]
    public DateTimeOffset? Rotated { get; set; }

    [JsonPropertyName("earlierRotations")]
    public List<DateTimeOffset> EarlierRotations { get; set; } = [];

    public override string ToString() => $"SecretsPayloadEntry({Name})";
}

[JsonSerializable(typeof(SecretsPayload))]
internal sealed partial class SecretsJsonContext : JsonSerializerContext;
