using Bulkhead.Fleet.Manifest;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Manifest;

public sealed class SourceLocationTests
{
    [Fact]
    public void ToString_WithLine_IsCompilerStyle() =>
        new SourceLocation("fleet.toml", 12, 3).ToString().ShouldBe("fleet.toml:12:3");
}
