using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Manifest;

/// <summary><c>command = [...]</c>: an external program run as a manifest process behind its gateway.</summary>
public sealed class ExternalCommandTests
{
    [Fact]
    public void Command_IsReadInOrder_AndMakesTheProcessExternal()
    {
        var manifest = Manifests.Valid(Manifests.SmallWith("key = \"mm-trader\"\nhosts", "key = \"mm-trader\"\ncommand = [\"python3\", \"bot.py\", \"--pair\", \"XBT/USD\"]\nhosts"));

        var process = manifest.FindProcess("mm-trader")!;
        process.Command.ShouldBe(["python3", "bot.py", "--pair", "XBT/USD"]);
        process.IsExternal.ShouldBeTrue();
        process.Transport.ShouldBe(Bulkhead.Fleet.Manifest.ProcessTransport.Rest, "an external program is served REST by its gateway: it never defaults to streaming");
        manifest.FindProcess("dashboard")!.IsExternal.ShouldBeFalse();
    }

    [Fact]
    public void Command_Empty_IsAnErrorWithTheFix()
    {
        var problem = Manifests.Parse(Manifests.SmallWith("key = \"mm-trader\"\nhosts", "key = \"mm-trader\"\ncommand = []\nhosts")).Problems.ShouldHaveSingleItem();

        problem.Message.ShouldBe("processes.mm-trader.command names no program");
        problem.Fix.ShouldBe("write the program and its arguments, e.g. command = [\"python3\", \"bot.py\"]");
    }

    [Fact]
    public void Command_WithWebSocketTransport_IsAnError()
    {
        var problem = Manifests.Parse(Manifests.SmallWith("key = \"mm-trader\"\nhosts", "key = \"mm-trader\"\ncommand = [\"node\", \"bot.mjs\"]\ntransport = \"websocket\"\nhosts")).Problems.ShouldHaveSingleItem();

        problem.Message.ShouldBe("processes.mm-trader: an external command brings its own transport");
    }

    [Fact]
    public void Command_NotAList_IsAnError()
    {
        var problem = Manifests.Parse(Manifests.SmallWith("key = \"mm-trader\"\nhosts", "key = \"mm-trader\"\ncommand = \"python3 bot.py\"\nhosts")).Problems.ShouldHaveSingleItem();

        problem.Message.ShouldContain("command");
    }
}
