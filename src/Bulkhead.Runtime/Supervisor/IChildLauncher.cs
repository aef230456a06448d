namespace Bulkhead.Runtime.Supervisor;

/// <summary>Starts workers. <see cref="OsChildLauncher"/> starts <c>bulkhead worker</c> processes; tests inject a fake.</summary>
public interface IChildLauncher
{
    /// <summary>Starts one worker.</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The program cannot be started.</exception>
    IChildProcess Start(ChildStart start);
}
