using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Spot;
using Bulkhead.Testing.FakeKraken;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Spot;

/// <summary>Authentication failures, the lockout guard and secrecy, against the fake server over real HTTP.</summary>
public sealed class SpotAuthenticationTests
{
    [Fact]
    public async Task Balance_WrongSecret_InvalidSignatureClassifiedAuthentication()
    {
        await using var harness = await SpotHarness.StartAsync(clientSecret: SpotHarness.WrongSecret);

        var result = await harness.Client.GetBalancesAsync(TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe(KrakenErrors.InvalidSignature);
        result.Error.Category.ShouldBe(KrakenErrorCategory.Authentication);
        result.Error.Origin.ShouldBe(KrakenErrorOrigin.Exchange);
        harness.Server.CountOf("Balance").ShouldBe(1);
    }

    [Fact]
    public async Task Balance_WrongSecretInTightLoop_SendsAtMostMaxFailuresThenFailsFastLocally()
    {
        var guard = new LockoutGuardOptions { MaxAuthenticationFailures = 3 };
        await using var harness = await SpotHarness.StartAsync(clientSecret: SpotHarness.WrongSecret, guard: guard);

        var results = new List<KrakenResult<IReadOnlyDictionary<string, decimal>>>();
        for (var i = 0; i < 50; i++)
        {
            results.Add(await harness.Client.GetBalancesAsync(TestContext.Current.CancellationToken));
        }

        harness.Server.CountOf("Balance").ShouldBe(guard.MaxAuthenticationFailures);
        harness.Server.Requests.ShouldAllBe(r => r.Outcome == KrakenErrors.InvalidSignature);
        results.Take(3).ShouldAllBe(r => r.Error!.Code == KrakenErrors.InvalidSignature);
        var halted = results.Skip(3).ToList();
        halted.Count.ShouldBe(47);
        halted.ShouldAllBe(r => r.Error!.Code == KrakenErrors.LocalKeyHalted && r.Error.Origin == KrakenErrorOrigin.Local && r.Error.Category == KrakenErrorCategory.Lockout);
        halted[0].Error!.Message.ShouldContain("halted after 3 authentication failures");
        halted[0].Error!.Message.ShouldContain("EAPI:Invalid signature");
        halted[0].Error!.Message.ShouldContain("clear the halt (`bulkhead keys clear-halt`");
    }

    [Fact]
    public async Task Balance_TemporaryLockout_HaltedFifteenMinutesThenSendsAgain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await SpotHarness.StartAsync(time);
        var answers = new Queue<FakeSpotAnswer>([FakeSpotAnswer.Error(KrakenErrors.TemporaryLockout), FakeSpotAnswer.Ok("{\"ZUSD\":\"1.0\"}")]);
        harness.Server.SetHandler("Balance", _ => answers.Dequeue());
        var ct = TestContext.Current.CancellationToken;

        (await harness.Client.GetBalancesAsync(ct)).Error!.Code.ShouldBe(KrakenErrors.TemporaryLockout);
        time.Advance(new TimeSpan(0, 14, 59));
        var stillHalted = await harness.Client.GetBalancesAsync(ct);
        stillHalted.Error!.Code.ShouldBe(KrakenErrors.LocalKeyHalted);
        stillHalted.Error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        harness.Server.CountOf("Balance").ShouldBe(1);

        time.Advance(TimeSpan.FromSeconds(1));
        var after = await harness.Client.GetBalancesAsync(ct);

        after.Value!["ZUSD"].ShouldBe(1.0m);
        harness.Server.CountOf("Balance").ShouldBe(2);
    }

    [Fact]
    public async Task Balance_InvalidNonce_NotRetried()
    {
        await using var harness = await SpotHarness.StartAsync(nonceStart: 5_000_000_000_000);
        harness.Server.SetResult("Balance", "{}");
        var ct = TestContext.Current.CancellationToken;
        (await harness.Client.GetBalancesAsync(ct)).Success.ShouldBeTrue();
        var behind = harness.NewClient(SpotHarness.Secret, nonceStart: 1_000);

        var result = await behind.GetBalancesAsync(ct);

        result.Error!.Code.ShouldBe(KrakenErrors.InvalidNonce);
        result.Error.Category.ShouldBe(KrakenErrorCategory.Authentication);
        harness.Server.CountOf("Balance").ShouldBe(2);
    }

    [Fact]
    public async Task Logs_AnyOutcome_NeverContainSecretOrSignature()
    {
        var logger = new FakeLogger<SpotClient>();
        await using var harness = await SpotHarness.StartAsync(clientSecret: SpotHarness.WrongSecret, logger: logger, guard: new LockoutGuardOptions { MaxAuthenticationFailures = 2 });
        var good = harness.NewClient(SpotHarness.Secret, nonceStart: 9_000_000_000_000, logger: logger);
        harness.Server.SetResult("Balance", "{\"ZUSD\":\"1\"}");
        harness.Server.InjectFault("Balance", FakeSpotFault.BadGatewayHtml);
        var ct = TestContext.Current.CancellationToken;
        var errors = new List<KrakenError>();

        for (var i = 0; i < 5; i++)
        {
            var bad = await harness.Client.GetBalancesAsync(ct);
            errors.Add(bad.Error!);
        }

        (await good.GetBalancesAsync(ct)).Success.ShouldBeTrue();

        var records = logger.Collector.GetSnapshot();
        records.ShouldNotBeEmpty();
        var signatures = harness.Server.Requests.Select(r => r.Headers["API-Sign"]).ToList();
        var texts = records.Select(r => r.Message)
            .Concat(records.SelectMany(r => r.StructuredState ?? []).Select(kv => kv.Value ?? string.Empty))
            .Concat(errors.Select(e => e.ToString()))
            .ToList();
        foreach (var text in texts)
        {
            text.ShouldNotContain(SpotHarness.Secret);
            text.ShouldNotContain(SpotHarness.WrongSecret);
            text.ShouldNotContain(SpotHarness.ApiKey);
            foreach (var signature in signatures)
            {
                text.ShouldNotContain(signature);
            }
        }
    }
}
