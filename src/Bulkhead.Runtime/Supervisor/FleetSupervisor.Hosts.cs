using System.Collections.Concurrent;
using Bulkhead.Runtime.Supervisor.Hosts;
using Bulkhead.Runtime.Supervisor.Internal;

namespace Bulkhead.Runtime.Supervisor;

// One supervisor per host: with FleetSupervisorOptions.Ownership a worker starts only while this host holds the
// process's lease; when the lease ends (lost, self-fenced, handed back) the worker is stopped and the slot waits as a
// standby for the lease again.
public sealed partial class FleetSupervisor
{
    private readonly ConcurrentDictionary<ProcessSlot, IOwnedProcess> _owned = new();

    /// <summary>Who runs each supervised process as far as this host knows (this host, another, or null), by process name.</summary>
    public IReadOnlyDictionary<string, string?> Owners()
    {
        if (_options.Ownership is not { } ownership)
        {
            return _slots.ToDictionary(s => s.Process.Name, _ => (string?)null, StringComparer.Ordinal);
        }

        return _slots.ToDictionary(s => s.Process.Name, s => ownership.OwnerOf(s.Process.Name), StringComparer.Ordinal);
    }

    /// <summary>
    /// Before a worker starts: true once this host owns the slot's process (at once without ownership); false when the
    /// fleet stops or an operator interrupts the wait.
    /// </summary>
    private async Task<bool> OwnAsync(ProcessSlot slot, CancellationToken stopping)
    {
        if (_options.Ownership is not { } ownership)
        {
            return true;
        }

        if (_owned.TryGetValue(slot, out var owned))
        {
            if (!owned.MustStop.IsCancellationRequested)
            {
                return true;
            }

            Disown(slot);
        }

        Update(slot, s => Enter(s, ProcessState.Stopped, $"standby on {ownership.Host}: another host runs it, or its process lease is not free yet"));
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var acquire = ownership.AcquireAsync(slot.Process, wait.Token);
        await Task.WhenAny(acquire, Interrupted(slot)).ConfigureAwait(false);
        if (!acquire.IsCompleted)
        {
            await wait.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            _owned[slot] = await acquire.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Completes when this host must stop the slot's worker because its process lease ended.</summary>
    private Task OwnershipEnded(ProcessSlot slot) =>
        _owned.TryGetValue(slot, out var owned) ? WhenCancelled(owned.MustStop) : Task.Delay(Timeout.Infinite, CancellationToken.None);

    /// <summary>Whether the slot's lease ended (the worker was stopped for it, not by an operator).</summary>
    private bool OwnershipLost(ProcessSlot slot) => _owned.TryGetValue(slot, out var owned) && owned.MustStop.IsCancellationRequested;

    /// <summary>Gives the slot's process lease up (released if still held).</summary>
    private void Disown(ProcessSlot slot)
    {
        if (_owned.TryRemove(slot, out var owned))
        {
            owned.Dispose();
        }
    }
}
