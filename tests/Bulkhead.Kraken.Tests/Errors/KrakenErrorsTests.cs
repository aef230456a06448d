using System.Reflection;
using Bulkhead.Kraken.Errors;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Errors;

public sealed class KrakenErrorsTests
{
    [Theory]
    [InlineData("EAPI:Invalid key", KrakenErrorCategory.Authentication)]
    [InlineData("EAPI:Invalid signature", KrakenErrorCategory.Authentication)]
    [InlineData("EAPI:Invalid nonce", KrakenErrorCategory.Authentication)]
    [InlineData("EGeneral:Permission denied", KrakenErrorCategory.Permission)]
    [InlineData("EAPI:Rate limit exceeded", KrakenErrorCategory.RateLimit)]
    [InlineData("EOrder:Rate limit exceeded", KrakenErrorCategory.RateLimit)]
    [InlineData("EGeneral:Too many requests", KrakenErrorCategory.RateLimit)]
    [InlineData("EGeneral:Temporary lockout", KrakenErrorCategory.Lockout)]
    [InlineData("EService:Unavailable", KrakenErrorCategory.Transient)]
    [InlineData("EService:Busy", KrakenErrorCategory.Transient)]
    [InlineData("EGeneral:Internal error", KrakenErrorCategory.Transient)]
    [InlineData("EGeneral:Invalid arguments", KrakenErrorCategory.InvalidInput)]
    [InlineData("EGeneral:Invalid arguments:volume", KrakenErrorCategory.InvalidInput)]
    [InlineData("EQuery:Unknown asset pair", KrakenErrorCategory.InvalidInput)]
    [InlineData("EOrder:Invalid price:Invalid price argument", KrakenErrorCategory.InvalidInput)]
    [InlineData("EOrder:Insufficient funds", KrakenErrorCategory.Funds)]
    [InlineData("EFunding:Insufficient funds", KrakenErrorCategory.Funds)]
    [InlineData("authenticationError", KrakenErrorCategory.Authentication)]
    [InlineData("nonceBelowThreshold", KrakenErrorCategory.Authentication)]
    [InlineData("nonceDuplicate", KrakenErrorCategory.Authentication)]
    [InlineData("apiLimitExceeded", KrakenErrorCategory.RateLimit)]
    [InlineData("insufficientFunds", KrakenErrorCategory.Funds)]
    [InlineData("invalidArgument: limitPrice", KrakenErrorCategory.InvalidInput)]
    [InlineData("requiredArgumentMissing", KrakenErrorCategory.InvalidInput)]
    [InlineData("Unavailable", KrakenErrorCategory.Transient)]
    [InlineData("unavailable", KrakenErrorCategory.Transient)]
    public void Classify_KnownWireStrings_HaveTheirCategory(string wire, KrakenErrorCategory expected)
    {
        KrakenErrors.Classify(wire).ShouldBe(expected);
    }

    [Theory]
    [InlineData("ENew:Something Kraken adds next year")]
    [InlineData("")]
    [InlineData("totally unexpected")]
    public void FromExchange_UnknownString_KeptVerbatimAsUnknown(string wire)
    {
        if (wire.Length == 0)
        {
            Should.Throw<ArgumentException>(() => KrakenErrors.FromExchange(wire));
            return;
        }

        var error = KrakenErrors.FromExchange(wire);
        error.Code.ShouldBe(wire);
        error.Category.ShouldBe(KrakenErrorCategory.Unknown);
        error.Origin.ShouldBe(KrakenErrorOrigin.Exchange);
        error.IsTransient.ShouldBeFalse();
    }

    [Fact]
    public void Throttled_RetryTime_KrakensStringInWholeSecondsRoundedUp_ClassifiedAsRateLimit()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1_767_614_400);

        KrakenErrors.Throttled(at).ShouldBe("EService: Throttled: 1767614400");
        KrakenErrors.Throttled(at.AddMilliseconds(1)).ShouldBe("EService: Throttled: 1767614401");
        KrakenErrors.Throttled(at.AddTicks(1)).ShouldBe("EService: Throttled: 1767614401");
        var error = KrakenErrors.FromExchange(KrakenErrors.Throttled(at));
        error.Category.ShouldBe(KrakenErrorCategory.RateLimit);
        error.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public void Catalogue_EveryWireConstant_IsClassifiedAndKnown()
    {
        var constants = typeof(KrakenErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(s => !s.StartsWith("Bulkhead:", StringComparison.Ordinal))
            .ToList();

        constants.Count.ShouldBeGreaterThan(40);
        constants.ShouldAllBe(s => KrakenErrors.IsKnown(s));
    }

    [Fact]
    public void AuthenticationErrors_CountTowardLockoutAndAreNeverTransient()
    {
        var error = KrakenErrors.FromExchange(KrakenErrors.InvalidNonce);

        error.CountsTowardLockout.ShouldBeTrue();
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain("not retried");
    }

    [Fact]
    public void LocalCredentialError_DoesNotCountTowardLockout()
    {
        KrakenErrors.InvalidCredentials("empty").CountsTowardLockout.ShouldBeFalse();
    }

    [Theory]
    [InlineData(429, KrakenErrorCategory.RateLimit)]
    [InlineData(502, KrakenErrorCategory.Transient)]
    [InlineData(503, KrakenErrorCategory.Transient)]
    [InlineData(404, KrakenErrorCategory.Protocol)]
    [InlineData(401, KrakenErrorCategory.Authentication)]
    public void HttpStatus_WithoutEnvelope_IsClassifiedByStatus(int status, KrakenErrorCategory expected)
    {
        var error = KrakenErrors.HttpStatus(status, "<html>");

        error.Category.ShouldBe(expected);
        error.Origin.ShouldBe(KrakenErrorOrigin.Transport);
        error.CountsTowardLockout.ShouldBeFalse();
    }

    [Fact]
    public void Result_FailAndOk_AreExclusive()
    {
        var ok = KrakenResult<int>.Ok(5);
        var fail = KrakenResult<int>.Fail(KrakenErrors.FromExchange(KrakenErrors.InvalidKey));

        ok.Success.ShouldBeTrue();
        ok.GetValueOrThrow().ShouldBe(5);
        fail.Success.ShouldBeFalse();
        Should.Throw<KrakenException>(() => fail.GetValueOrThrow()).Error.Code.ShouldBe(KrakenErrors.InvalidKey);
        fail.Map(x => x * 2).Error.ShouldBe(fail.Error);
    }
}
