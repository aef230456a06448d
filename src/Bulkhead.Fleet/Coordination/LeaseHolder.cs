using System.Globalization;

namespace Bulkhead.Fleet.Coordination;

/// <summary>Who holds (or asks for) a key's lease.</summary>
/// <param name="Process">The fleet process's name (from the manifest).</param>
/// <param name="Host">The machine's name.</param>
/// <param name="Pid">The operating-system process id.</param>
/// <param name="Since">When the holder took (or asked for) the lease.</param>
public sealed record LeaseHolder(string Process, string Host, int Pid, DateTimeOffset Since)
{
    /// <summary>This operating-system process, named <paramref name="process"/>, as of now.</summary>
    public static LeaseHolder ForThisProcess(string process, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(process);
        ArgumentNullException.ThrowIfNull(time);
        return new LeaseHolder(process, Environment.MachineName, Environment.ProcessId, time.GetUtcNow());
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"process {Process} (pid {Pid} on {Host}) since {Since:O}");
}
