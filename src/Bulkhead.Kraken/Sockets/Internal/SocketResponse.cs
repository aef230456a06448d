using System.Text.Json;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>
/// One method response: <c>method</c>, <c>req_id</c>, <c>success</c>, <c>error</c> (one string in v2), <c>result</c>
/// (an object, or an array for <c>batch_add</c>), <c>warnings</c>. Kraken's SDK: an absent or non-boolean
/// <c>success</c> is a failure.
/// </summary>
internal sealed record SocketResponse(string Method, long? ReqId, bool Success, string? Error, JsonElement? Result, IReadOnlyList<string> Warnings)
{
    /// <summary>Reads a response frame (the frame's bytes are copied: the receive buffer is reused).</summary>
    public static SocketResponse? Parse(ReadOnlySpan<byte> frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var method = root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty;
            long? reqId = root.TryGetProperty("req_id", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt64(out var id) ? id : null;
            var success = root.TryGetProperty("success", out var s) && s.ValueKind == JsonValueKind.True;
            if (method == "pong" && !root.TryGetProperty("success", out _))
            {
                // Kraken's pong carries no success member (websocket.md §3).
                success = !root.TryGetProperty("error", out _);
            }

            var error = root.TryGetProperty("error", out var e) ? (e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()) : null;
            JsonElement? result = root.TryGetProperty("result", out var x) ? x.Clone() : null;
            var warnings = root.TryGetProperty("warnings", out var w) && w.ValueKind == JsonValueKind.Array
                ? w.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToList()
                : [];
            return new SocketResponse(method, reqId, success, error, result, warnings);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The failure as a value: the exchange's string through the catalogue (a missing one is a protocol error).</summary>
    public KrakenError ToError() =>
        Error is { Length: > 0 } text ? KrakenErrors.FromExchange(text) : KrakenErrors.BadResponse($"{Method}: success is not true and no error was given");
}
