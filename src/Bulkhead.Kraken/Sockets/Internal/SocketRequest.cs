using System.Buffers;
using System.Text.Json;

namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>
/// One request as the client sends it: <c>{"method":…,"params":{…},"req_id":N}</c>. <see cref="Params"/> writes the
/// method's own members; the client adds <c>asset_class</c> (Unified, where the method needs it) and <c>token</c>
/// (private requests).
/// </summary>
/// <param name="Method">The method (<c>subscribe</c>, <c>add_order</c>, <c>ping</c>).</param>
/// <param name="Params">Writes the params members, or null for none.</param>
/// <param name="IsPrivate">True when it carries the token.</param>
/// <param name="AssetClass">True when it carries <c>asset_class: "derivatives"</c>.</param>
/// <param name="JournalEndpoint">The call journal's name for it (<c>add_order</c>, <c>subscribe:executions</c>); null to journal nothing.</param>
/// <param name="Complete">For a method answered with several frames: true once the frames received make the whole answer.</param>
internal sealed record SocketRequest(
    string Method,
    Action<Utf8JsonWriter>? Params,
    bool IsPrivate,
    bool AssetClass,
    string? JournalEndpoint,
    Func<IReadOnlyList<SocketResponse>, bool>? Complete = null)
{
    /// <summary>The frame with its <c>req_id</c> and, for a private request, the token.</summary>
    public byte[] Frame(long reqId, string? token)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("method", Method);
            if (Params is not null || AssetClass || token is not null)
            {
                w.WriteStartObject("params");
                Params?.Invoke(w);
                if (AssetClass)
                {
                    w.WriteString("asset_class", "derivatives");
                }

                if (token is not null)
                {
                    w.WriteString("token", token);
                }

                w.WriteEndObject();
            }

            w.WriteNumber("req_id", reqId);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
