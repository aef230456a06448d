using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;

namespace Bulkhead.Runtime.Worker;

/// <summary>What a running role gets from the host: its opened key, status lines, fill journal and HTTP client.</summary>
internal sealed class WorkerRun
{
    public required WorkerOptions Options { get; init; }

    public required FleetManifest Manifest { get; init; }

    public required ProcessSession Session { get; init; }

    public required StatusWriter Status { get; init; }

    public required IFillJournal Journal { get; init; }

    public required HttpClient Http { get; init; }

    public Bulkhead.Kraken.Journal.ICallJournal? Calls { get; init; }

    public FleetProcess Process => Session.Process;

    public TimeProvider Time => Options.Time;

    /// <summary>Logs to stderr (never stdout, never a secret).</summary>
    public void Log(string message)
    {
        lock (Options.Error)
        {
            Options.Error.WriteLine($"bulkhead worker {Process.Name}: {message}");
            Options.Error.Flush();
        }
    }
}
