using Bulkhead.Sandbox.Keys;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// One connection's subscription to one Unified private channel of one account: every message takes the connection's
/// next private <c>sequence</c> when it is queued (updates posted before the snapshot wait and follow it).
/// </summary>
internal sealed class AccountStream(SocketConnection connection, string account, string token, SocketTokens tokens)
    : AccountSubscriber(connection, account, token, tokens)
{
    /// <summary>The channel's own per-subscription options, if any.</summary>
    public object? Options { get; init; }

    /// <summary>When the channel last published to it (throttling of periodic refreshes).</summary>
    public DateTimeOffset LastPublished { get; set; }

    /// <summary>Queues a message (built with its sequence), or keeps it until <see cref="Open"/>.</summary>
    public void Post(Func<long, byte[]> frame) => Enqueue(() => Send(frame));

    /// <summary>Sends the snapshot (if any), then what waited; from now on updates go straight out.</summary>
    public void Open(Func<long, byte[]>? snapshot) => Start(() =>
    {
        if (snapshot is not null)
        {
            Send(snapshot);
        }
    });

    private void Send(Func<long, byte[]> frame) => Connection.Send(frame(Connection.NextSequence()));
}
