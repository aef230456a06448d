using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>Kraken's Spot envelope: HTTP 200, body starting with <c>{</c>, <c>{"error":[],"result":…}</c> or <c>{"error":["E…"]}</c>.</summary>
internal static class SpotEnvelope
{
    public static byte[] Render(SpotAnswer answer)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("error");
            if (answer.Error is not null)
            {
                writer.WriteStringValue(answer.Error);
            }

            writer.WriteEndArray();
            if (answer.Error is null && answer.Result is not null)
            {
                writer.WritePropertyName("result");
                answer.Result(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes an envelope; HTTP 200 unless <paramref name="status"/> says otherwise (only the edge does: CONNECT, unknown paths).</summary>
    public static async Task WriteAsync(HttpContext context, byte[] body, int status = StatusCodes.Status200OK)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Money as Kraken sends it: a string with the asset's decimals.</summary>
    public static string Money(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.ToZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
