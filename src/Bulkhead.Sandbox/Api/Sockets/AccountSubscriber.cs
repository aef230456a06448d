using Bulkhead.Sandbox.Keys;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// One connection's private subscription to one account's events (Spot and Unified private channels). It is registered
/// before its snapshot is read, and holds back what arrives meanwhile; <see cref="Start"/> sends the snapshot and then what
/// was held, so nothing committed after the subscription began is lost and the client never sees an update before its
/// snapshot. It binds its token (<see cref="SocketTokens.Bind"/>) until disposed — by unsubscribe or when the connection
/// ends — and disposing also removes it from its <see cref="AccountRegistry{TSubscriber}"/>.
/// </summary>
internal abstract class AccountSubscriber : IDisposable
{
    private readonly Lock _sync = new();
    private readonly SocketTokens _tokens;
    private readonly string _token;
    private List<Action>? _held = [];
    private IDisposable? _registration;
    private int _disposed;

    /// <summary>Creates the subscription and binds <paramref name="token"/> (it lives while the subscription does).</summary>
    protected AccountSubscriber(SocketConnection connection, string account, string token, SocketTokens tokens)
    {
        Connection = connection;
        Account = account;
        _token = token;
        _tokens = tokens;
        tokens.Bind(token);
    }

    /// <summary>The subscribed connection.</summary>
    public SocketConnection Connection { get; }

    /// <summary>The account whose events stream.</summary>
    public string Account { get; }

    /// <summary>Attaches the registration to dispose with the subscription.</summary>
    public void Registered(IDisposable registration) => _registration = registration;

    /// <summary>Sends the snapshot (<paramref name="snapshot"/>), then what was held back, and goes live.</summary>
    public void Start(Action snapshot)
    {
        lock (_sync)
        {
            snapshot();
            foreach (var send in _held ?? [])
            {
                send();
            }

            _held = null;
            SnapshotDone();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _registration?.Dispose();
        _tokens.Unbind(_token);
    }

    /// <summary>Runs <paramref name="send"/> now, or after the snapshot if <see cref="Start"/> has not run; never once disposed.</summary>
    protected void Enqueue(Action send)
    {
        lock (_sync)
        {
            if (_held is not null)
            {
                _held.Add(send);
                return;
            }

            if (Volatile.Read(ref _disposed) == 0)
            {
                send();
            }
        }
    }

    /// <summary>What was held back has been sent: forget what the snapshot contained.</summary>
    protected virtual void SnapshotDone()
    {
    }
}
