using Bulkhead.Fleet.Secrets;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Secrets;

/// <summary>store:NAME and env:VAR references to Kraken credentials; errors name the reference, never the value.</summary>
public sealed class SecretResolverTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly SecretsTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Resolve_Store_ReadsTheEntry()
    {
        var (apiKey, secret, variables) = StoreOne("mm-trader");

        var credentials = new SecretResolver(variables.GetValueOrDefault, _folder.File("secrets.enc")).Resolve("store:mm-trader");

        credentials.ApiKey.ShouldBe(apiKey);
        credentials.ToString().ShouldNotContain(secret);
    }

    [Fact]
    public void Resolve_StoreMissingEntry_NamesEntryAndFix()
    {
        var (_, _, variables) = StoreOne("mm-trader");

        var error = Should.Throw<SecretsException>(() => new SecretResolver(variables.GetValueOrDefault, _folder.File("secrets.enc")).Resolve("store:dashboard"));

        error.Message.ShouldStartWith("store:dashboard: the secrets file");
        error.Message.ShouldContain("bulkhead secrets set dashboard");
    }

    [Fact]
    public void Resolve_Env_ReadsKeyAndSecretVariables()
    {
        var (apiKey, secret) = (SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret());
        var variables = new Dictionary<string, string?> { ["MM_KEY"] = apiKey, ["MM_SECRET"] = secret };

        new SecretResolver(variables.GetValueOrDefault, _folder.File("none.enc")).Resolve("env:MM").ApiKey.ShouldBe(apiKey);
    }

    [Fact]
    public void Resolve_EnvMissingSecret_NamesTheVariable()
    {
        var variables = new Dictionary<string, string?> { ["MM_KEY"] = SecretsTestFolder.NewApiKey() };

        Should.Throw<SecretsException>(() => new SecretResolver(variables.GetValueOrDefault, _folder.File("none.enc")).Resolve("env:MM"))
            .Message.ShouldBe("env:MM: set MM_SECRET (the API key in MM_KEY, its secret in MM_SECRET)");
    }

    [Fact]
    public void Resolve_EnvBadSecret_ErrorWithoutValue()
    {
        const string Bad = "this-is-not-base64-but-it-is-secret!";
        var variables = new Dictionary<string, string?> { ["MM_KEY"] = SecretsTestFolder.NewApiKey(), ["MM_SECRET"] = Bad };

        var error = Should.Throw<SecretsException>(() => new SecretResolver(variables.GetValueOrDefault, _folder.File("none.enc")).Resolve("env:MM"));

        error.Message.ShouldStartWith("env:MM: MM_KEY/MM_SECRET do not hold a usable Kraken key");
        error.ToString().ShouldNotContain(Bad);
    }

    [Fact]
    public void Resolve_StoreWithWrongKey_ClearError()
    {
        StoreOne("mm");
        var other = new Dictionary<string, string?> { [SecretsKey.Variable] = Convert.ToBase64String(new byte[32]) };

        Should.Throw<SecretsException>(() => new SecretResolver(other.GetValueOrDefault, _folder.File("secrets.enc")).Resolve("store:mm"))
            .Message.ShouldStartWith("wrong key:");
    }

    [Theory]
    [InlineData("mm-trader")]
    [InlineData("vault:mm")]
    public void Resolve_NotAReference_SaysWhichForms(string reference) =>
        Should.Throw<SecretsException>(() => new SecretResolver(_ => null, _folder.File("none.enc")).Resolve(reference))
            .Message.ShouldContain("use store:NAME (the secrets file) or env:VAR (VAR_KEY and VAR_SECRET)");

    [Fact]
    public void ResolveValue_Env_IsTheVariableItself()
    {
        var variables = new Dictionary<string, string?> { ["BULKHEAD_ADMIN_TOKEN"] = "tok" };

        new SecretResolver(variables.GetValueOrDefault, _folder.File("none.enc")).ResolveValue("env:BULKHEAD_ADMIN_TOKEN").ShouldBe("tok");
    }

    private (string ApiKey, string Secret, Dictionary<string, string?> Variables) StoreOne(string name)
    {
        var fileKey = SecretsKey.Generate("test");
        var keyText = Convert.ToBase64String(fileKey.Bytes);
        var (apiKey, secret) = (SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret());
        using var file = SecretsFile.Open(_folder.File("secrets.enc"), fileKey);
        file.Add(name, apiKey, secret, Now);
        file.Save();
        return (apiKey, secret, new Dictionary<string, string?> { [SecretsKey.Variable] = keyText });
    }
}
