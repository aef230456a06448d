using System.Text.Json;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>An endpoint's answer: a result writer, or one Kraken error string.</summary>
internal readonly struct SpotAnswer
{
    private SpotAnswer(Action<Utf8JsonWriter>? result, string? error)
    {
        Result = result;
        Error = error;
    }

    public Action<Utf8JsonWriter>? Result { get; }

    public string? Error { get; }

    public static SpotAnswer Ok(Action<Utf8JsonWriter> result) => new(result, null);

    public static SpotAnswer Fail(string error) => new(null, error);

    public static implicit operator SpotAnswer(string error) => Fail(error);
}
