namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>The connection-level frames: <c>status</c> on open and <c>pong</c>.</summary>
internal static class SocketStatus
{
    /// <summary>The API version the sandbox reports (Kraken's v2 at the time of writing).</summary>
    public const string Version = "2.0.10";

    /// <summary><c>{"channel":"status","type":"update","data":[{"version":…,"system":"online","api_version":"v2","connection_id":…}]}</c>.</summary>
    public static byte[] Online(ulong connectionId) =>
        SocketFrames.Channel("status", "update", w =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("api_version", "v2");
            w.WriteNumber("connection_id", connectionId);
            w.WriteString("system", "online");
            w.WriteString("version", Version);
            w.WriteEndObject();
            w.WriteEndArray();
        });

    /// <summary><c>{"method":"pong","req_id":…,"time_in":…,"time_out":…}</c> (Kraken's pong carries no <c>success</c>).</summary>
    public static byte[] Pong(SocketRequest request, DateTimeOffset timeOut) =>
        SocketFrames.Write(w =>
        {
            w.WriteString("method", "pong");
            if (request.ReqId is { } id)
            {
                w.WriteNumber("req_id", id);
            }

            w.WriteString("time_in", SocketFrames.Time(request.TimeIn));
            w.WriteString("time_out", SocketFrames.Time(timeOut));
        });
}
