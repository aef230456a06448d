using Bulkhead.Sandbox.Keys;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// One connection's subscription to one private channel of one account. Updates posted before the snapshot went out wait
/// and follow it, so a client never sees an update before its snapshot; every message takes the connection's next private
/// <c>sequence</c> when it is queued. Disposing ends the subscription and releases the token.
/// </summary>
internal sealed class AccountStream : IDisposable
{
    private readonly Lock _sync = new();
    private readonly SocketTokens _tokens;
    private readonly string _token;
    private List<Func<long, byte[]>>? _waiting = [];
    private IDisposable? _registration;
    private int _disposed;

    /// <summary>Creates the stream and binds <paramref name="token"/> (it lives while the stream does).</summary>
    public AccountStream(SocketConnection connection, string account, string token, SocketTokens tokens)
    {
        Connection = connection;
        Account = account;
        _token = token;
        _tokens = tokens;
        tokens.Bind(token);
    }

    /// <summary>The subscribed connection.</summary>
    public SocketConnection Connection { get; }

    /// <summary>The account whose events it receives.</summary>
    public string Account { get; }

    /// <summary>The channel's own per-subscription options, if any.</summary>
    public object? Options { get; init; }

    /// <summary>When the channel last published to it (throttling of periodic refreshes).</summary>
    public DateTimeOffset LastPublished { get; set; }

    /// <summary>Registers where updates come from; disposed with the stream.</summary>
    public void Register(IDisposable registration) => _registration = registration;

    /// <summary>Queues a message (built with its sequence), or keeps it until <see cref="Open"/>.</summary>
    public void Post(Func<long, byte[]> frame)
    {
        lock (_sync)
        {
            if (_waiting is not null)
            {
                _waiting.Add(frame);
                return;
            }

            Connection.Send(frame(Connection.NextSequence()));
        }
    }

    /// <summary>Sends the snapshot (if any), then what waited; from now on updates go straight out.</summary>
    public void Open(Func<long, byte[]>? snapshot)
    {
        lock (_sync)
        {
            if (snapshot is not null)
            {
                Connection.Send(snapshot(Connection.NextSequence()));
            }

            foreach (var frame in _waiting ?? [])
            {
                Connection.Send(frame(Connection.NextSequence()));
            }

            _waiting = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _registration?.Dispose();
            _tokens.Unbind(_token);
        }
    }
}
