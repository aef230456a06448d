namespace Bulkhead.Runtime.Supervisor;

/// <summary>
/// How a worker notices that its supervisor is gone, even after a SIGKILL: the supervisor starts every worker with stdin
/// a pipe it holds open and never writes to, and sets <see cref="Variable"/> to <c>stdin</c>. When the supervisor dies
/// the pipe closes; the worker reads end-of-file and stops gracefully, exactly as on SIGTERM.
/// </summary>
public static class ParentWatch
{
    /// <summary>The environment variable the supervisor sets on its workers.</summary>
    public const string Variable = "BULKHEAD_PARENT_WATCH";

    /// <summary>Its value: watch stdin for end-of-file.</summary>
    public const string Stdin = "stdin";

    /// <summary>
    /// When <paramref name="getVariable"/> says so, watches <paramref name="input"/> on a background thread and calls
    /// <paramref name="parentGone"/> once at end-of-file; otherwise does nothing (a worker run by hand ignores stdin).
    /// </summary>
    /// <returns>Whether the watch was started.</returns>
    public static bool Start(Func<string, string?> getVariable, TextReader input, Action parentGone)
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
                while (input.Read() >= 0)
                {
                    // The supervisor never writes; anything read is ignored.
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
