using System.Diagnostics;

namespace Bulkhead.Fleet.Coordination.Internal;

internal static class ProcessLiveness
{
    /// <summary>
    /// True only when <paramref name="holder"/> is on this host and its process is gone. A holder on another host is never
    /// declared dead from here: its lease must expire.
    /// </summary>
    public static bool IsDeadOnThisHost(LeaseHolder holder)
    {
        if (!string.Equals(holder.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (holder.Pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(holder.Pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
