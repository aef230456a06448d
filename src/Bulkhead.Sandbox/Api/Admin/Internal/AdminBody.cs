using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace Bulkhead.Sandbox.Api.Admin.Internal;

/// <summary>
/// A JSON request body read field by field. A getter that meets a bad value returns a default and records the first
/// problem, so a handler reads every field, then answers 400 with <see cref="Problem"/> if there is one.
/// </summary>
internal sealed class AdminBody
{
    private readonly JsonElement _root;

    private AdminBody(JsonElement root) => _root = root;

    /// <summary>The first problem met, worded for the caller.</summary>
    public string? Problem { get; private set; }

    /// <summary>Reads the request's body as a JSON object, or explains why it is not one.</summary>
    public static async Task<(AdminBody? Body, string? Problem)> ReadAsync(Microsoft.AspNetCore.Http.HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);

        // The JSON reader leaves bytes inside strings unchecked until a value is read; a body that is not UTF-8 is the
        // caller's mistake (400), not a failure while reading a field.
        if (!Utf8.IsValid(bytes.Span))
        {
            return (null, "the request body is not valid UTF-8; send a JSON object encoded as UTF-8 with Content-Type: application/json");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "the request body must be a JSON object, e.g. {\"name\":\"desk\"}");
            }

            return (new AdminBody(document.RootElement.Clone()), null);
        }
        catch (JsonException e)
        {
            return (null, $"the request body is not valid JSON ({e.Message}); send a JSON object with Content-Type: application/json");
        }
    }

    public string? String(string name, bool required)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? Fail<string>($"'{name}' is required") : null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : Fail<string>($"'{name}' must be a string");
    }

    public bool Has(string name) => _root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>A decimal sent as a string (<c>"10000.5"</c>, Kraken's way) or a plain JSON number.</summary>
    public decimal? Decimal(string name, bool required)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? Fail<decimal?>($"'{name}' is required, as a decimal string like \"10000\"") : null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        return Fail<decimal?>($"'{name}' must be a decimal string like \"10000.50\" (invariant culture, '.' as separator)");
    }

    public long? Integer(string name, long min, long max)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= min && number <= max
            ? number
            : Fail<long?>($"'{name}' must be a whole number from {min} to {max}");
    }

    public bool? Boolean(string name)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : Fail<bool?>($"'{name}' must be true or false");
    }

    public IReadOnlyList<string>? Strings(string name)
    {
        if (!_root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            return Fail<IReadOnlyList<string>>($"'{name}' must be an array of strings");
        }

        return [.. value.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>An ISO 8601 time with an offset (<c>2026-12-31T00:00:00Z</c>), or null.</summary>
    public DateTimeOffset? Time(string name)
    {
        var text = String(name, required: false);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : Fail<DateTimeOffset?>($"'{name}' must be an ISO 8601 time like \"2026-12-31T00:00:00Z\"");
    }

    public T? Fail<T>(string problem)
    {
        Problem ??= problem;
        return default;
    }
}
