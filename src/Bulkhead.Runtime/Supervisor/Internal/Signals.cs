using System.Runtime.InteropServices;

namespace Bulkhead.Runtime.Supervisor.Internal;

/// <summary>
/// POSIX signals to a child by pid. .NET's <c>Process.Kill</c> sends SIGKILL only; a graceful stop needs SIGTERM, which
/// the worker turns into cancel-all, disarm, release.
/// </summary>
internal static partial class Signals
{
    public const int Terminate = 15;

    public const int Kill = 9;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false if the process is gone (or not ours).</summary>
    public static bool Send(int pid, int signal) =>
        !OperatingSystem.IsWindows() && pid > 0 && NativeKill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int NativeKill(int pid, int signal);
}
