using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.E2E;

/// <summary>The harness: <c>bulkhead demo</c> runs, its URL is found in its output, and it serves <c>/api/status</c>.</summary>
public sealed class DemoHarnessTests
{
    [Theory]
    [InlineData("dashboard: http://127.0.0.1:41234/\n", "http://127.0.0.1:41234/")]
    [InlineData("sandbox: http://127.0.0.1:8787 (in this process)\nstatus: http://127.0.0.1:5000/api/status\n", "http://127.0.0.1:5000/")]
    [InlineData("status: http://127.0.0.1:5000/api/status\ndashboard: http://127.0.0.1:5000 (token not needed on loopback)\n", "http://127.0.0.1:5000/")]
    public void FindDashboard_ReadsTheDemosOutput(string output, string expected) =>
        DemoProcess.FindDashboard(output).ShouldBe(new Uri(expected));

    [Fact]
    public void FindDashboard_NothingPrintedYet_Null() => DemoProcess.FindDashboard("demo folder: /tmp/x\nsandbox: http://127.0.0.1:8787\n").ShouldBeNull();
}
