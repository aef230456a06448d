namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>Waits for a condition that another thread makes true, with a deadline (never a fixed sleep).</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var until = TimeProvider.System.GetUtcNow() + (within ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > until)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }

            await Task.Yield();
            await Task.Delay(10);
        }
    }
}
