using System.Diagnostics;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Fleet;

/// <summary>Workers never outlive their supervisor: SIGKILL <c>bulkhead run</c> and every worker stops by itself.</summary>
[Collection(FleetProcesses.Name)]
public sealed class OrphanWorkerTests
{
    [Fact]
    public async Task Run_SupervisorSigkilled_EveryWorkerStopsGracefully()
    {
        await using var fleet = await LiveFleet.StartAsync();
        var (run, status) = await fleet.StartRunAsync();
        using var _ = run;
        await Polling.UntilAsync(async () => (await fleet.StatusAsync(status)).Values.All(p => p["state"]!.GetValue<string>() == "running"), TimeSpan.FromSeconds(90), "every process running");
        var pids = (await fleet.StatusAsync(status)).Values.Select(p => p["pid"]!.GetValue<int>()).ToList();
        pids.Count.ShouldBe(4);

        run.KillHard();

        await Polling.UntilAsync(() => pids.All(Gone), TimeSpan.FromSeconds(60), $"workers {string.Join(", ", pids)} to stop after their supervisor was SIGKILLed");
        await Polling.UntilAsync(() => new[] { "mm", "momo", "hedge" }.All(a => fleet.Exchange.OpenOrders(a).Count == 0), TimeSpan.FromSeconds(30), "their orders to be cancelled");
    }

    private static bool Gone(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
