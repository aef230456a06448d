using Bulkhead.Sandbox.Events;

namespace Bulkhead.Sandbox.Api.Sockets.Spot;

/// <summary>
/// One connection's private subscription to one account's events. It is registered before its snapshot is read, and
/// holds back the commits that arrive meanwhile; <see cref="Start"/> sends the snapshot and then those held commits, so
/// nothing committed after the subscription began is lost and the client never sees an update before its snapshot
/// (a commit between registration and the snapshot's read may appear in both; the renderers skip what they can tell is
/// a repeat). The subscription binds its token (<see cref="Keys.SocketTokens.Bind"/>) until disposed — by unsubscribe or
/// when the connection ends.
/// </summary>
internal abstract class AccountSubscription : IDisposable
{
    private readonly Lock _sync = new();
    private readonly SocketHub _hub;
    private readonly string _token;
    private List<CommittedChanges>? _held = [];
    private IDisposable? _registration;
    private int _disposed;

    protected AccountSubscription(SocketHub hub, SocketConnection connection, string account, string token)
    {
        _hub = hub;
        _token = token;
        Connection = connection;
        Account = account;
        hub.Tokens.Bind(token);
    }

    /// <summary>The subscribed connection.</summary>
    public SocketConnection Connection { get; }

    /// <summary>The account whose events stream.</summary>
    public string Account { get; }

    /// <summary>The exchange.</summary>
    protected SandboxExchange Exchange => _hub.Exchange;

    /// <summary>Attaches the registration to dispose with the subscription.</summary>
    public void Registered(IDisposable registration) => _registration = registration;

    /// <summary>A commit touching the account (called under the exchange's lock: render and enqueue only).</summary>
    public void Deliver(CommittedChanges changes)
    {
        lock (_sync)
        {
            if (_held is not null)
            {
                _held.Add(changes);
                return;
            }

            if (Volatile.Read(ref _disposed) == 0)
            {
                Render(changes);
            }
        }
    }

    /// <summary>Sends the snapshot (<paramref name="snapshot"/>), then what was held back, and goes live.</summary>
    public void Start(Action snapshot)
    {
        lock (_sync)
        {
            snapshot();
            foreach (var changes in _held ?? [])
            {
                Render(changes);
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
        _hub.Tokens.Unbind(_token);
    }

    /// <summary>Writes the account's part of one commit to <see cref="Connection"/>.</summary>
    protected abstract void Render(CommittedChanges changes);

    /// <summary>The held commits have been rendered: forget what the snapshot contained.</summary>
    protected virtual void SnapshotDone()
    {
    }
}
