namespace Bulkhead.Runtime.Supervisor;

/// <summary>
/// How a worker hears from its supervisor, even after a SIGKILL: the supervisor starts every worker with stdin a pipe it
/// holds open, and sets <see cref="Variable"/> to <c>stdin</c>. When the supervisor dies the pipe closes; the worker
/// reads end-of-file and stops gracefully, exactly as on SIGTERM. The only line the supervisor ever writes is
/// <see cref="KillSwitchLine"/>, just before it sends SIGTERM when the fleet's kill switch is pulled.
/// </summary>
public static class ParentWatch
{
    /// <summary>The environment variable the supervisor sets on its workers.</summary>
    public const string Variable = "BULKHEAD_PARENT_WATCH";

    /// <summary>Its value: watch stdin for end-of-file.</summary>
    public const string Stdin = "stdin";

    /// <summary>The line that tells a worker the kill switch was pulled.</summary>
    public const string KillSwitchLine = "kill-switch";

    /// <summary>
    /// When <paramref name="getVariable"/> says so, watches <paramref name="input"/> on a background thread: calls
    /// <paramref name="killSwitch"/> for each <see cref="KillSwitchLine"/> and <paramref name="parentGone"/> once at
    /// end-of-file; otherwise does nothing (a worker run by hand ignores stdin).
    /// </summary>
    /// <returns>Whether the watch was started.</returns>
    public static bool Start(Func<string, string?> getVariable, TextReader input, Action parentGone, Action? killSwitch = null)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parentGone);
        if (!string.Equals(getVariable(Variable), Stdin, StringComparison.Ordinal))
        {
            return false;
        }

        var thread = new Thread(() =>
        {
            try
            {
                while (input.ReadLine() is { } line)
                {
                    if (string.Equals(line.Trim(), KillSwitchLine, StringComparison.Ordinal))
                    {
                        killSwitch?.Invoke();
                    }
                }
            }
            catch (IOException)
            {
                // A broken pipe means the same as end-of-file.
            }

            parentGone();
        })
        {
            IsBackground = true,
            Name = "bulkhead parent watch",
        };
        thread.Start();
        return true;
    }
}
