using System.Text.Json;

namespace Bulkhead.Fleet.Coordination.Internal;

/// <summary>Rate-limit states as JSON with their type's name, so two limiters that share a key by mistake are caught.</summary>
internal static class RateStateCodec
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static string TypeName<TState>() => typeof(TState).FullName ?? typeof(TState).Name;

    public static TState? Decode<TState>(string key, string? type, string? json)
        where TState : class
    {
        if (json is null)
        {
            return null;
        }

        if (!string.Equals(type, TypeName<TState>(), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Rate-limit state '{key}' holds a {type}, not a {TypeName<TState>()}; two limiters share one key.");
        }

        return JsonSerializer.Deserialize<TState>(json, Options)
            ?? throw new InvalidOperationException($"Rate-limit state '{key}' is stored as JSON null.");
    }

    public static string Encode<TState>(TState state) => JsonSerializer.Serialize(state, Options);

    public static TResult Apply<TState, TResult>(
        string key,
        string? type,
        string? json,
        Func<TState?, (TState State, TResult Result)> transition,
        out string newJson)
        where TState : class
    {
        var (next, result) = transition(Decode<TState>(key, type, json));
        ArgumentNullException.ThrowIfNull(next, nameof(transition));
        newJson = Encode(next);
        return result;
    }
}
