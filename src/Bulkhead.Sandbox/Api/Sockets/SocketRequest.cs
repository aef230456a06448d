using System.Text.Json;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// One client frame of the v2 protocol: <c>{"method": "…", "params": {…}, "req_id": n}</c>. <see cref="Params"/> is a
/// clone (it outlives the parsed document). An unparseable frame yields <see cref="Error"/> and, where it could be read,
/// the method and <c>req_id</c> to answer with.
/// </summary>
internal sealed record SocketRequest(string Method, JsonElement Params, long? ReqId, DateTimeOffset TimeIn, string? Error)
{
    /// <summary>True when <see cref="Params"/> is an object.</summary>
    public bool HasParams => Params.ValueKind == JsonValueKind.Object;

    /// <summary>Parses one text frame.</summary>
    public static SocketRequest Parse(ReadOnlySpan<byte> frame, DateTimeOffset timeIn)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return new SocketRequest(string.Empty, default, null, timeIn, SocketErrors.InvalidRequest);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new SocketRequest(string.Empty, default, null, timeIn, SocketErrors.InvalidRequest);
            }

            long? reqId = null;
            string? error = null;
            if (root.TryGetProperty("req_id", out var id))
            {
                if (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var value))
                {
                    reqId = value;
                }
                else
                {
                    error = SocketErrors.InvalidField("req_id");
                }
            }

            var method = root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? string.Empty : string.Empty;
            if (method.Length == 0)
            {
                error ??= SocketErrors.InvalidField("method");
            }

            var parameters = default(JsonElement);
            if (root.TryGetProperty("params", out var p))
            {
                if (p.ValueKind == JsonValueKind.Object)
                {
                    parameters = p.Clone();
                }
                else if (p.ValueKind != JsonValueKind.Null)
                {
                    error ??= SocketErrors.InvalidField("params");
                }
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("method" or "params" or "req_id"))
                {
                    error ??= SocketErrors.UnsupportedField(property.Name);
                }
            }

            return new SocketRequest(method, parameters, reqId, timeIn, error);
        }
    }
}
