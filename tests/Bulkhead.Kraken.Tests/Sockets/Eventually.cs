using Xunit;
namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>Bounded waits on the real clock for what another thread makes true (never a fixed sleep, never unbounded).</summary>
internal static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var until = TimeProvider.System.GetUtcNow() + (within ?? Deadline);
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > until)
            {
                throw new TimeoutException($"Not true in time: {what}");
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The next message of a feed, within the deadline.</summary>
    public static async Task<T> NextAsync<T>(this System.Threading.Channels.ChannelReader<T> reader, TimeSpan? within = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(within ?? Deadline);
        try
        {
            return await reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("No message in time.");
        }
    }

    /// <summary>Reads a feed until a message matches, within the deadline.</summary>
    public static async Task<T> UntilAsync<T>(this System.Threading.Channels.ChannelReader<T> reader, Func<T, bool> match, string what, TimeSpan? within = null)
    {
        var until = TimeProvider.System.GetUtcNow() + (within ?? Deadline);
        while (true)
        {
            var left = until - TimeProvider.System.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching message in time: {what}");
            }

            T next;
            try
            {
                next = await reader.NextAsync(left);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"No matching message in time: {what}");
            }

            if (match(next))
            {
                return next;
            }
        }
    }
}
