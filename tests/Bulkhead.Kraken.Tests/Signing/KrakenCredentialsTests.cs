using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Signing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Signing;

public sealed class KrakenCredentialsTests
{
    private const string ApiKey = "rRra59qKQs3y1egAgSaG0RJlBcbq97wTUXSxXxPdhRZdv7z9ijZRWgrf";
    private const string Secret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

    // A base64 secret that decodes to 24 bytes: valid base64, too short.
    private const string ShortSecret = "c2hvcnQtc2VjcmV0LXR3ZW50eS1mb3Vy";

    // Looks like a Kraken secret but is not base64 ('!' and a missing pad).
    private const string NotBase64Secret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg!";

    [Fact]
    public void ToString_ValidCredentials_ShowsOnlyMaskedKey()
    {
        var credentials = KrakenCredentials.Create(ApiKey, Secret);

        var text = credentials.ToString();

        text.ShouldBe("KrakenCredentials(rRra…Wgrf)");
        text.ShouldNotContain(Secret);
        text.ShouldNotContain(Secret[..16]);
        text.ShouldNotContain(ApiKey);
    }

    [Fact]
    public void MaskedKey_LongKey_KeepsFirstAndLastFour()
    {
        var masked = KrakenCredentials.Create(ApiKey, Secret).MaskedKey;

        masked.ShouldBe("rRra…Wgrf");
        masked.ShouldNotContain(ApiKey[4..^4]);
    }

    [Theory]
    [InlineData("k")]
    [InlineData("abcdefgh")]
    public void MaskedKey_ShortKey_HidesEveryCharacter(string apiKey)
    {
        KrakenCredentials.Create(apiKey, Secret).MaskedKey.ShouldBe(new string('*', apiKey.Length));
    }

    [Fact]
    public void TryCreate_ValidInput_KeepsKeyAndDecodesSecret()
    {
        KrakenCredentials.TryCreate(ApiKey, "  " + Secret + "\n", out var credentials, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        credentials.ApiKey.ShouldBe(ApiKey);
        credentials.Secret.ToArray().ShouldBe(Convert.FromBase64String(Secret));
    }

    public static TheoryData<string, string?, string?, string> Rejected => new()
    {
        { "null key", null, Secret, "the API key is empty" },
        { "empty key", "", Secret, "the API key is empty" },
        { "whitespace key", "   ", Secret, "the API key is empty" },
        { "key with space", "rRra59qK Qs3y1egA", Secret, "white space or control characters" },
        { "key with line break", "rRra59qKQs3y1egA\n", Secret, "white space or control characters" },
        { "null secret", ApiKey, null, "is empty" },
        { "empty secret", ApiKey, "", "is empty" },
        { "whitespace secret", ApiKey, " \t ", "is empty" },
        { "non-base64 secret", ApiKey, NotBase64Secret, "is not valid base64" },
        { "too-short secret", ApiKey, ShortSecret, "decodes to 24 bytes" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void TryCreate_InvalidInput_RejectsWithoutQuotingSecret(string scenario, string? apiKey, string? secret, string expectedFragment)
    {
        KrakenCredentials.TryCreate(apiKey, secret, out var credentials, out var error).ShouldBeFalse(scenario);

        credentials.ShouldBeNull();
        error.Code.ShouldBe(KrakenErrors.LocalInvalidCredentials);
        error.Message.ShouldContain(expectedFragment);
        ShouldNotLeak(error.ToString(), apiKey, secret);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Create_InvalidInput_ThrowsWithoutQuotingSecret(string scenario, string? apiKey, string? secret, string expectedFragment)
    {
        var exception = Should.Throw<KrakenException>(() => KrakenCredentials.Create(apiKey, secret), scenario);

        exception.Message.ShouldContain(expectedFragment);
        exception.Error.Code.ShouldBe(KrakenErrors.LocalInvalidCredentials);
        ShouldNotLeak(exception.Message, apiKey, secret);
        ShouldNotLeak(exception.ToString(), apiKey, secret);
    }

    private static void ShouldNotLeak(string text, string? apiKey, string? secret)
    {
        if (!string.IsNullOrWhiteSpace(secret))
        {
            text.ShouldNotContain(secret.Trim());
            // No recognisable fragment either: any 8 consecutive characters of the secret.
            var trimmed = secret.Trim();
            for (var i = 0; i + 8 <= trimmed.Length; i++)
            {
                text.ShouldNotContain(trimmed.Substring(i, 8), Case.Sensitive);
            }
        }

        if (apiKey is { Length: > 8 } && !apiKey.Any(char.IsWhiteSpace))
        {
            text.ShouldNotContain(apiKey);
        }
    }
}
