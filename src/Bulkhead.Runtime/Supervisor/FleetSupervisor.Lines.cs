using Bulkhead.Runtime.Supervisor.Internal;

namespace Bulkhead.Runtime.Supervisor;

public sealed partial class FleetSupervisor
{
    /// <summary>Applies one Contract W status line of <paramref name="slot"/>'s current worker; anything unparsable is ignored.</summary>
    private void OnStatusLine(ProcessSlot slot, string text)
    {
        var line = StatusLine.Parse(text);
        if (line is null)
        {
            _options.Log?.Invoke($"{slot.Process.Name}: (not a status line) {text}");
            return;
        }

        var now = _options.Time.GetUtcNow();
        Update(slot, s =>
        {
            switch (line.Event)
            {
                case "running":
                    if (s.State == ProcessState.Starting)
                    {
                        s.State = ProcessState.Running;
                        s.Since = now;
                    }

                    break;
                case "heartbeat":
                    s.LastHeartbeat = now;
                    s.Heartbeat = line.Heartbeat();
                    s.Current = line.Calls() ?? s.Current;
                    if (s.Heartbeat.Guard == "halted" && !s.GuardTripCounted)
                    {
                        s.GuardTrips++;
                        s.GuardTripCounted = true;
                    }

                    if (s.State == ProcessState.Starting)
                    {
                        s.State = ProcessState.Running;
                        s.Since = now;
                    }

                    break;
                case "halted":
                    s.Told = line.Text("reason") ?? "halted";
                    break;
                case "error":
                    s.Told = line.Text("message") ?? "error";
                    break;
                case "stopping":
                    if (s.State is ProcessState.Running or ProcessState.Starting)
                    {
                        s.State = ProcessState.Stopping;
                        s.Since = now;
                    }

                    break;
                default:
                    break;
            }
        });
    }
}
