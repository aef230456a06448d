using System.Text.Json.Nodes;
using Bulkhead.EndToEnd.Tests.Fleet;
using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary><c>/api/events</c>: the fleet document as server-sent events, every second and on a supervisor change.</summary>
public sealed class EventsTests
{
    [Fact]
    public async Task Events_StreamDeliversTheFleetDocument_ThenTheChangeAfterAKill()
    {
        await using var fleet = await DashboardFixture.CreateAsync(time: TimeProvider.System);
        await fleet.ServeAsync();
        fleet.AllRunning();
        using var request = new HttpRequestMessage(HttpMethod.Get, fleet.Url("/api/events"));
        using var response = await fleet.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        var first = await NextEventAsync(reader);
        first.Name.ShouldBe("fleet");
        ((string)first.Data["fleet"]!).ShouldBe("desk");
        TreeNodes.Health(first.Data["tree"]!["master"]!.AsObject(), "process:mm-trader").ShouldBe("ok");
        var second = await NextEventAsync(reader);
        DateTimeOffset.Parse((string)second.Data["time"]!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(DateTimeOffset.Parse((string)first.Data["time"]!, System.Globalization.CultureInfo.InvariantCulture));

        fleet.Worker("mm-trader").Kill();
        var deadline = TimeSpan.FromSeconds(30);
        JsonObject? seen = null;
        await Polling.UntilAsync(
            async () => TreeNodes.Health((seen = (await NextEventAsync(reader)).Data)["tree"]!["master"]!.AsObject(), "process:mm-trader") == "warn",
            deadline,
            "an event showing mm-trader killed");
        ((string)TreeNodes.Find(seen!["tree"]!["master"]!.AsObject(), "process:mm-trader")["haltReason"]!).ShouldContain("signal 9");
    }

    [Fact]
    public async Task Events_DashboardStops_StreamEndsRatherThanHoldingTheStopUp()
    {
        await using var fleet = await DashboardFixture.CreateAsync(time: TimeProvider.System);
        var host = await fleet.ServeAsync();
        using var response = await fleet.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, fleet.Url("/api/events")), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        (await NextEventAsync(reader)).Name.ShouldBe("fleet");

        var stopped = host.DisposeAsync().AsTask();

        // Kestrel would wait its 30 s shutdown timeout for a stream that ignores the stop; this one ends at once.
        (await Task.WhenAny(stopped, Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken))).ShouldBe(stopped);
        await stopped;
    }

    private static async Task<(string Name, JsonObject Data)> NextEventAsync(StreamReader reader)
    {
        string? name = null;
        string? data = null;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
            else if (line.Length == 0 && name is not null && data is not null)
            {
                return (name, JsonNode.Parse(data)!.AsObject());
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }
}
