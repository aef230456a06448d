using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets.Venues;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Worker;

/// <summary>
/// The account a trading role works through, on the transport its manifest process names: <c>transport = "rest"</c> →
/// the key's REST venue (<see cref="Fleet.Sessions.ProcessSession.OpenVenue"/>); <c>"websocket"</c> → a started socket
/// venue (<see cref="Fleet.Sessions.ProcessSession.OpenSocketVenue"/>: Spot v2 or Unified by the account's venue)
/// streaming the strategy's symbols. Disposing closes the socket.
/// </summary>
internal sealed class WorkerVenue : IAsyncDisposable
{
    private WorkerVenue(IAccountVenue account, ITradingVenue trading, SocketAccountVenue? sockets)
    {
        Account = account;
        Trading = trading;
        Sockets = sockets;
    }

    /// <summary>The account through the Kraken layer's venue surface.</summary>
    public IAccountVenue Account { get; }

    /// <summary>The account as the strategy host sees it.</summary>
    public ITradingVenue Trading { get; }

    /// <summary>The socket venue when the process streams, else null (REST polling).</summary>
    public SocketAccountVenue? Sockets { get; }

    /// <summary>Opens the process's account on its transport; a socket venue is connected and its first snapshots read.</summary>
    /// <remarks>A socket venue that does not start is opened again after a poll interval, until it starts or the key halts.</remarks>
    /// <exception cref="WorkerHaltException">The key halted (authentication, lockout) or lacks a permission.</exception>
    public static async Task<WorkerVenue> OpenAsync(WorkerRun run, CallTracker calls, IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        var venue = run.Session.AccountVenue;
        if (!run.Process.Streams)
        {
            var rest = run.Session.OpenVenue(run.Http, calls);
            return new WorkerVenue(rest, new StrategyVenue(venue, rest, run.Time), null);
        }

        // As the REST start's cancel-all: retried until it works; authentication failures trip the guard, which halts.
        SocketAccountVenue sockets;
        while (true)
        {
            sockets = run.Session.OpenSocketVenue(run.Http, calls);
            KrakenResult<bool> started;
            try
            {
                started = await sockets.StartAsync(symbols, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await sockets.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            if (started.Success)
            {
                break;
            }

            await sockets.DisposeAsync().ConfigureAwait(false);
            Halts.ThrowIfHalting(started.Error, run.Session.Guard);
            run.Log($"the {sockets.Client.Endpoint.JournalVenue} venue did not start: {started.Error.Code}; retrying");
            await Task.Delay(run.Options.PollInterval, run.Time, cancellationToken).ConfigureAwait(false);
        }

        run.Log($"trading over {sockets.Client.Endpoint.JournalVenue} ({sockets.Client.Endpoint.Url}), streaming {string.Join(", ", symbols)}");
        return new WorkerVenue(sockets, new StrategyVenue(venue, sockets, run.Time), sockets);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Sockets is { } sockets)
        {
            await sockets.DisposeAsync().ConfigureAwait(false);
        }
    }
}
