using System.Security.Cryptography;
using Bulkhead.Fleet.Secrets;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Secrets;

/// <summary>The file key: from BULKHEAD_SECRETS_KEY or a 0600 key file, refused when open to others, never printed.</summary>
public sealed class SecretsKeyTests : IDisposable
{
    private readonly SecretsTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Resolve_Variable_Wins()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var key = SecretsKey.Resolve(Env(Convert.ToBase64String(bytes)), _folder.File("secrets.key"), createKeyFile: true, out var created);

        created.ShouldBeFalse();
        key.Source.ShouldBe("BULKHEAD_SECRETS_KEY");
        File.Exists(_folder.File("secrets.key")).ShouldBeFalse();
        key.IdText.ShouldBe(SecretsKey.FromBytes(bytes, "x").IdText);
    }

    [Theory]
    [InlineData("not base64 at all!", "is not base64")]
    [InlineData("AAAA", "decodes to 3 bytes, not 32")]
    public void Resolve_BadVariable_ClearErrorWithoutValue(string value, string expected)
    {
        var error = Should.Throw<SecretsException>(() => SecretsKey.Resolve(Env(value), _folder.File("secrets.key"), true, out _));

        error.Message.ShouldContain(expected);
        error.Message.ShouldContain("BULKHEAD_SECRETS_KEY");
        error.Message.ShouldNotContain(value);
    }

    [Fact]
    public void Resolve_NoKeyFile_CreatesOwnerOnlyFileAndReadsItBack()
    {
        var path = _folder.File("secrets.key");
        var first = SecretsKey.Resolve(Env(null), path, createKeyFile: true, out var created);

        created.ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        SecretsKey.Resolve(Env(null), path, createKeyFile: false, out created).IdText.ShouldBe(first.IdText);
        created.ShouldBeFalse();
    }

    [Fact]
    public void Resolve_NoKeyAnywhere_SaysWhatToDo()
    {
        Should.Throw<SecretsException>(() => SecretsKey.Resolve(Env(null), _folder.File("secrets.key"), createKeyFile: false, out _))
            .Message.ShouldBe($"no secrets key: set BULKHEAD_SECRETS_KEY or create the key file {_folder.File("secrets.key")} (bulkhead secrets set creates it)");
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]
    [InlineData(UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.GroupWrite)]
    public void Resolve_KeyFileOpenToOthers_RefusedWithChmodFix(UnixFileMode extra)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only
        }

        var path = _folder.File("secrets.key");
        SecretsKey.Resolve(Env(null), path, createKeyFile: true, out _);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);

        var error = Should.Throw<SecretsException>(() => SecretsKey.Resolve(Env(null), path, createKeyFile: false, out _));

        error.Message.ShouldContain("readable by group or others");
        error.Message.ShouldEndWith($"fix: chmod 600 {path}");
    }

    [Fact]
    public void ToString_ShowsIdNotKey()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        var key = SecretsKey.FromBytes(bytes, "test");

        key.ToString().ShouldBe($"SecretsKey(id {key.IdText}, from test)");
        key.ToString().ShouldNotContain(Convert.ToBase64String(bytes));
    }

    [Fact]
    public void DefaultKeyFile_IsSecretsKeyBesideTheFile() =>
        SecretsKey.DefaultKeyFile(_folder.File("secrets.enc")).ShouldBe(_folder.File("secrets.key"));

    private static Func<string, string?> Env(string? key) => name => name == SecretsKey.Variable ? key : null;
}
