using System.Globalization;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Keys;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>One request being handled: the connection it came on, the request, the hub; answers and typed reads of <c>params</c>.</summary>
internal sealed record SocketCall(SocketConnection Connection, SocketRequest Request, SocketHub Hub)
{
    /// <summary>The request's <c>params</c> (an object, or default when absent).</summary>
    public JsonElement Params => Request.Params;

    /// <summary>Answers success.</summary>
    public void Ok(Action<Utf8JsonWriter>? result = null, IReadOnlyList<string>? warnings = null) =>
        Connection.Send(SocketFrames.Success(Request.Method, Request.ReqId, Request.TimeIn, Hub.Time.GetUtcNow(), result, warnings));

    /// <summary>Answers failure with one error string.</summary>
    public void Fail(string error, Action<Utf8JsonWriter>? result = null) =>
        Connection.Send(SocketFrames.Failure(Request.Method, Request.ReqId, Request.TimeIn, Hub.Time.GetUtcNow(), error, result));

    /// <summary>The first <c>params</c> member not in <paramref name="allowed"/>, or null.</summary>
    public string? Unsupported(params ReadOnlySpan<string> allowed)
    {
        if (!Request.HasParams)
        {
            return null;
        }

        foreach (var property in Params.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                return property.Name;
            }
        }

        return null;
    }

    /// <summary>False (answered) when <c>params</c> is missing or holds a member not in <paramref name="allowed"/>.</summary>
    public bool CheckParams(params ReadOnlySpan<string> allowed)
    {
        if (!Request.HasParams)
        {
            Fail(SocketErrors.InvalidField("params"));
            return false;
        }

        if (Unsupported(allowed) is { } unsupported)
        {
            Fail(SocketErrors.UnsupportedField(unsupported));
            return false;
        }

        return true;
    }

    /// <summary>True when <c>params</c> has <paramref name="name"/> (any value but null).</summary>
    public bool Has(string name) => Request.HasParams && Params.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>A string member; <paramref name="ok"/> false when present with another type.</summary>
    public string? String(string name, out bool ok)
    {
        ok = true;
        if (!Request.HasParams || !Params.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        ok = value.ValueKind == JsonValueKind.String;
        return ok ? value.GetString() : null;
    }

    /// <summary>A boolean member, or <paramref name="fallback"/> when absent; <paramref name="ok"/> false when present with another type.</summary>
    public bool Bool(string name, bool fallback, out bool ok)
    {
        ok = true;
        if (!Request.HasParams || !Params.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        ok = value.ValueKind is JsonValueKind.True or JsonValueKind.False;
        return ok ? value.GetBoolean() : fallback;
    }

    /// <summary>An integer member (a JSON number without fraction), or null when absent; <paramref name="ok"/> false when present and not one.</summary>
    public long? Integer(string name, out bool ok)
    {
        ok = true;
        if (!Request.HasParams || !Params.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        ok = value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _);
        return ok ? value.GetInt64() : null;
    }

    /// <summary>A decimal member: a JSON number or a decimal string, exact; null when absent; <paramref name="ok"/> false when unreadable.</summary>
    public decimal? Decimal(string name, out bool ok)
    {
        ok = true;
        if (!Request.HasParams || !Params.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
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

        ok = false;
        return null;
    }

    /// <summary>An array of strings, or null when absent; <paramref name="ok"/> false when present and not one (empty arrays are not ok).</summary>
    public IReadOnlyList<string>? Strings(string name, out bool ok)
    {
        ok = true;
        if (!Request.HasParams || !Params.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            ok = false;
            return null;
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } text)
            {
                ok = false;
                return null;
            }

            list.Add(text);
        }

        return list;
    }

    /// <summary>
    /// The token check every private request makes (<c>params.token</c>), for an action that needs the permission of the
    /// REST method <paramref name="restMethod"/>; on failure the error has been answered and the grant is not successful.
    /// </summary>
    public SocketGrant Authorize(string restMethod)
    {
        var token = String("token", out var ok);
        var grant = ok ? Hub.Tokens.Check(token, Connection.Remote, restMethod) : SocketGrant.Fail(KrakenErrors.InvalidToken);
        if (!grant.Success)
        {
            Fail(grant.Error!);
        }

        return grant;
    }
}
