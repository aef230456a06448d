namespace Bulkhead.EndToEnd.Tests.Fleet;

/// <summary>Polls real child processes with a deadline (the one kind of waiting these tests do).</summary>
internal static class Polling
{
    public static async Task UntilAsync(Func<bool> done, TimeSpan deadline, string what)
    {
        await UntilAsync(() => Task.FromResult(done()), deadline, what);
    }

    /// <summary>The same, naming what was awaited with what <paramref name="explain"/> says at the deadline (e.g. the output so far).</summary>
    public static async Task UntilAsync(Func<bool> done, TimeSpan deadline, string what, Func<string> explain)
    {
        try
        {
            await UntilAsync(() => Task.FromResult(done()), deadline, what);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{explain()}", e);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan deadline, string what)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!await done())
        {
            if (TimeProvider.System.GetElapsedTime(start) > deadline)
            {
                throw new TimeoutException($"waited {deadline.TotalSeconds:0} s for {what}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, Xunit.TestContext.Current.CancellationToken);
        }
    }
}
