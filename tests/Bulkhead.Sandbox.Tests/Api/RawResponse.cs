using System.Globalization;
using System.Text;

namespace Bulkhead.Sandbox.Tests.Api;

/// <summary>One response read from the wire (<see cref="Status"/> 0: none, the connection closed without one).</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body, string Raw)
{
    public static RawResponse None(byte[] raw) => new(0, new Dictionary<string, string>(), string.Empty, Encoding.Latin1.GetString(raw));

    public static RawResponse? TryParse(byte[] data, byte[] request, bool complete)
    {
        var text = Encoding.Latin1.GetString(data);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var lines = text[..end].Split("\r\n");
        var parts = lines[0].Split(' ', 3);
        if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return complete ? None(data) : null;
        }

        if (status is >= 100 and < 200)
        {
            // An interim answer (100 Continue): the real one follows.
            var rest = data[(end + 4)..];
            return TryParse(rest, request, complete);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var bodyStart = end + 4;
        var isHead = Encoding.Latin1.GetString(request).StartsWith("HEAD ", StringComparison.Ordinal);
        if (isHead || status is 204 or 304)
        {
            return new RawResponse(status, headers, string.Empty, text);
        }

        if (headers.TryGetValue("Content-Length", out var length))
        {
            var size = int.Parse(length, CultureInfo.InvariantCulture);
            return text.Length - bodyStart >= size ? new RawResponse(status, headers, DecodeUtf8(data, bodyStart, size), text) : null;
        }

        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return Dechunk(data, bodyStart) is { } body ? new RawResponse(status, headers, body, text) : null;
        }

        return complete ? new RawResponse(status, headers, DecodeUtf8(data, bodyStart, data.Length - bodyStart), text) : null;
    }

    private static string? Dechunk(byte[] data, int offset)
    {
        var body = new MemoryStream();
        while (true)
        {
            var text = Encoding.Latin1.GetString(data, offset, data.Length - offset);
            var lineEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
            if (lineEnd < 0)
            {
                return null;
            }

            var size = int.Parse(text[..lineEnd].Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            offset += lineEnd + 2;
            if (size == 0)
            {
                return Encoding.UTF8.GetString(body.ToArray());
            }

            if (data.Length - offset < size + 2)
            {
                return null;
            }

            body.Write(data, offset, size);
            offset += size + 2;
        }
    }

    private static string DecodeUtf8(byte[] data, int offset, int count) => Encoding.UTF8.GetString(data, offset, count);
}
