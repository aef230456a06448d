using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// Writes the server's frames in Kraken's v2 shapes: method responses (<c>method, req_id, result, success, time_in,
/// time_out</c>; on failure <c>error</c> as one string), channel messages (<c>channel, type, data</c>) and the fixed
/// heartbeat. Numbers that carry precision are written from strings formatted to the instrument's decimals, so the digits
/// on the wire are the digits the book checksum is computed from.
/// </summary>
internal static class SocketFrames
{
    /// <summary><c>{"channel":"heartbeat"}</c>.</summary>
    public static readonly byte[] Heartbeat = """{"channel":"heartbeat"}"""u8.ToArray();

    /// <summary>Kraken's RFC 3339 time with microseconds: <c>2023-09-21T14:15:07.197274Z</c>.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A decimal as a JSON number with exactly <paramref name="decimals"/> digits after the point (rounded toward zero).</summary>
    public static string Number(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.ToZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Writes a property whose value is <see cref="Number"/>.</summary>
    public static void WriteNumber(this Utf8JsonWriter writer, string name, decimal value, int decimals)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(Number(value, decimals), skipInputValidation: true);
    }

    /// <summary>A successful method response.</summary>
    public static byte[] Success(string method, long? reqId, DateTimeOffset timeIn, DateTimeOffset timeOut, Action<Utf8JsonWriter>? result, IReadOnlyList<string>? warnings = null) =>
        Write(w =>
        {
            w.WriteString("method", method);
            Outcome(w, reqId, result, true, timeIn, timeOut);
            if (warnings is { Count: > 0 })
            {
                w.WriteStartArray("warnings");
                foreach (var warning in warnings)
                {
                    w.WriteStringValue(warning);
                }

                w.WriteEndArray();
            }
        });

    /// <summary>A failed method response: <c>error</c> is one string (v2), <c>result</c> only where Kraken echoes what failed.</summary>
    public static byte[] Failure(string method, long? reqId, DateTimeOffset timeIn, DateTimeOffset timeOut, string error, Action<Utf8JsonWriter>? result = null) =>
        Write(w =>
        {
            w.WriteString("error", error);
            if (method.Length > 0)
            {
                w.WriteString("method", method);
            }

            Outcome(w, reqId, result, false, timeIn, timeOut);
        });

    /// <summary>A channel message: <c>{"channel":…,"type":…,"data":…}</c> plus <c>sequence</c> or <c>timestamp</c> where given.</summary>
    public static byte[] Channel(string channel, string type, Action<Utf8JsonWriter> data, long? sequence = null, DateTimeOffset? timestamp = null) =>
        Write(w =>
        {
            w.WriteString("channel", channel);
            w.WriteString("type", type);
            w.WritePropertyName("data");
            data(w);
            if (sequence is { } s)
            {
                w.WriteNumber("sequence", s);
            }

            if (timestamp is { } t)
            {
                w.WriteString("timestamp", Time(t));
            }
        });

    /// <summary>Writes one JSON object whose members <paramref name="members"/> writes.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The members every method response ends with: <c>req_id</c> (if any), <c>result</c> (if any), <c>success</c>, <c>time_in</c>, <c>time_out</c>.</summary>
    private static void Outcome(Utf8JsonWriter w, long? reqId, Action<Utf8JsonWriter>? result, bool success, DateTimeOffset timeIn, DateTimeOffset timeOut)
    {
        if (reqId is { } id)
        {
            w.WriteNumber("req_id", id);
        }

        if (result is not null)
        {
            w.WritePropertyName("result");
            result(w);
        }

        w.WriteBoolean("success", success);
        w.WriteString("time_in", Time(timeIn));
        w.WriteString("time_out", Time(timeOut));
    }
}
