namespace Bulkhead.Testing.FakeKraken;

/// <summary>What the fake server answers to one call: a raw JSON result, or Kraken error strings.</summary>
public sealed record FakeSpotAnswer
{
    private FakeSpotAnswer(string? resultJson, IReadOnlyList<string> errors)
    {
        ResultJson = resultJson;
        Errors = errors;
    }

    /// <summary>The raw JSON of <c>result</c>, or null for an error answer.</summary>
    public string? ResultJson { get; }

    /// <summary>The <c>error</c> strings; empty on success.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>A success with this raw JSON result.</summary>
    public static FakeSpotAnswer Ok(string resultJson) => new(resultJson, []);

    /// <summary>An error answer (HTTP 200, no result), as Kraken sends it.</summary>
    public static FakeSpotAnswer Error(params string[] errors) => new(null, errors);
}
