using Bulkhead.Runtime.Supervisor;
using Bulkhead.Runtime.Supervisor.Internal;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Supervisor;

public sealed class RestartPolicyTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(137, true)]
    [InlineData(143, true)]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(4, false)]
    [InlineData(5, false)]
    public void Restarts_FollowsContractW(int code, bool restarts) => RestartPolicy.Restarts(new ChildExit(code)).ShouldBe(restarts);

    [Fact]
    public void Backoff_DoublesFromInitial_NeverPastTheMaximum() =>
        Gen.Int[1, 10_000].Sample(n =>
        {
            var delay = RestartPolicy.Backoff(n, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
            var next = RestartPolicy.Backoff(n + 1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
            return delay >= TimeSpan.FromSeconds(1) && delay <= TimeSpan.FromSeconds(30) && (next == delay * 2 || next == TimeSpan.FromSeconds(30));
        });
}
