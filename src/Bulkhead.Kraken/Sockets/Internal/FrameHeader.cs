using System.Text.Json;

namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>
/// The top-level members of a v2 frame that route it — <c>channel</c> and <c>type</c> of a channel message, <c>method</c>,
/// <c>req_id</c> and <c>success</c> of a response — read without allocating. Reading stops at <c>data</c> once the
/// channel and type are known (the data is the channel handler's to read).
/// </summary>
internal readonly record struct FrameHeader(SocketChannelName Channel, bool IsSnapshot, bool IsResponse, bool IsPong, long? ReqId)
{
    /// <summary>Reads the routing members; a frame that is not a JSON object reads as neither a message nor a response.</summary>
    public static FrameHeader Read(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
        var channel = SocketChannelName.None;
        var snapshot = false;
        var typeSeen = false;
        var response = false;
        var pong = false;
        long? reqId = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("channel"u8))
                {
                    reader.Read();
                    channel = reader.TokenType == JsonTokenType.String ? ChannelOf(ref reader) : SocketChannelName.Unknown;
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    typeSeen = true;
                    snapshot = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("snapshot"u8);
                }
                else if (reader.ValueTextEquals("data"u8) && channel != SocketChannelName.None && typeSeen)
                {
                    break;
                }
                else if (reader.ValueTextEquals("method"u8))
                {
                    reader.Read();
                    response = true;
                    pong = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("pong"u8);
                }
                else if (reader.ValueTextEquals("req_id"u8))
                {
                    reader.Read();
                    response = true;
                    reqId = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var id) ? id : null;
                }
                else if (reader.ValueTextEquals("success"u8) || reader.ValueTextEquals("error"u8))
                {
                    response = true;
                    reader.Read();
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return default;
        }

        return new FrameHeader(response ? SocketChannelName.None : channel, snapshot, response, pong, reqId);
    }

    private static SocketChannelName ChannelOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("book"u8) ? SocketChannelName.Book
        : reader.ValueTextEquals("heartbeat"u8) ? SocketChannelName.Heartbeat
        : reader.ValueTextEquals("ticker"u8) ? SocketChannelName.Ticker
        : reader.ValueTextEquals("trade"u8) ? SocketChannelName.Trade
        : reader.ValueTextEquals("executions"u8) ? SocketChannelName.Executions
        : reader.ValueTextEquals("balances"u8) ? SocketChannelName.Balances
        : reader.ValueTextEquals("ohlc"u8) ? SocketChannelName.Ohlc
        : reader.ValueTextEquals("status"u8) ? SocketChannelName.Status
        : reader.ValueTextEquals("instrument"u8) ? SocketChannelName.Instrument
        : reader.ValueTextEquals("positions"u8) ? SocketChannelName.Positions
        : reader.ValueTextEquals("margin"u8) ? SocketChannelName.Margin
        : reader.ValueTextEquals("ledgers"u8) ? SocketChannelName.Ledgers
        : SocketChannelName.Unknown;
}
