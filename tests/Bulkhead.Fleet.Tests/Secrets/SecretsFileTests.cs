using System.Text;
using Bulkhead.Fleet.Secrets;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Secrets;

/// <summary>The encrypted file: round trip, tampering, wrong key, permissions, atomic replacement, no secret in any text.</summary>
public sealed class SecretsFileTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly SecretsTestFolder _folder = new();
    private readonly SecretsKey _key = SecretsKey.Generate("test");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void SaveThenOpen_RoundTrips_EveryField()
    {
        var path = _folder.File("secrets.enc");
        var (apiKey, secret) = (SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret());
        using (var file = SecretsFile.Open(path, _key))
        {
            file.Add("mm-trader", apiKey, secret, Now);
            file.Add("dashboard", SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret(), Now);
            file.Save();
        }

        var read = SecretsFile.Open(path, _key);
        read.Entries.Select(e => e.Name).ShouldBe(["mm-trader", "dashboard"]);
        var entry = read.Find("mm-trader")!;
        entry.ApiKey.ShouldBe(apiKey);
        entry.Secret.ShouldBe(secret);
        entry.Created.ShouldBe(Now);
        entry.Rotated.ShouldBeNull();
        entry.ToCredentials().ApiKey.ShouldBe(apiKey);
    }

    [Fact]
    public void Rotate_KeepsCreatedAndDatesEveryRotation()
    {
        var path = _folder.File("secrets.enc");
        using var file = SecretsFile.Open(path, _key);
        file.Add("mm", SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret(), Now);
        file.Rotate("mm", SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret(), Now.AddDays(90));
        var newSecret = SecretsTestFolder.NewSecret();
        file.Rotate("mm", "KNEWKEY0000000000", newSecret, Now.AddDays(180));
        file.Save();

        var entry = SecretsFile.Open(path, _key).Find("mm")!;
        entry.Created.ShouldBe(Now);
        entry.Rotated.ShouldBe(Now.AddDays(180));
        entry.EarlierRotations.ShouldBe([Now.AddDays(90)]);
        entry.ApiKey.ShouldBe("KNEWKEY0000000000");
        entry.Secret.ShouldBe(newSecret);
    }

    [Fact]
    public void File_NeverContainsThePlaintext()
    {
        var path = _folder.File("secrets.enc");
        var (apiKey, secret) = (SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret());
        using (var file = SecretsFile.Open(path, _key))
        {
            file.Add("mm-trader", apiKey, secret, Now);
            file.Save();
        }

        var bytes = File.ReadAllBytes(path);
        var text = Encoding.Latin1.GetString(bytes);
        text.ShouldStartWith("BHSECRET");
        text.ShouldNotContain(secret);
        text.ShouldNotContain(apiKey);
        text.ShouldNotContain("mm-trader");
    }

    [Theory]
    [InlineData(8)]   // version
    [InlineData(15)]  // key id
    [InlineData(25)]  // nonce
    [InlineData(40)]  // ciphertext
    [InlineData(-1)]  // tag (last byte)
    public void Open_TamperedByte_RefusedWithoutQuotingContent(int offset)
    {
        var path = _folder.File("secrets.enc");
        var secret = SecretsTestFolder.NewSecret();
        using (var file = SecretsFile.Open(path, _key))
        {
            file.Add("mm", SecretsTestFolder.NewApiKey(), secret, Now);
            file.Save();
        }

        var bytes = File.ReadAllBytes(path);
        bytes[offset >= 0 ? offset : bytes.Length + offset] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var error = Should.Throw<SecretsException>(() => SecretsFile.Open(path, _key));
        error.Message.ShouldContain(path);
        error.ToString().ShouldNotContain(secret);
        if (offset is 25 or 40 or -1)
        {
            error.Message.ShouldContain("wrong key or corrupted file");
        }
    }

    [Fact]
    public void Open_Truncated_RefusedAsCorrupted()
    {
        var path = _folder.File("secrets.enc");
        using (var file = SecretsFile.Open(path, _key))
        {
            file.Add("mm", SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret(), Now);
            file.Save();
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Should.Throw<SecretsException>(() => SecretsFile.Open(path, _key)).Message.ShouldContain("truncated");
    }

    [Fact]
    public void Open_WrongKey_SaysWrongKeyAndNamesBothIds()
    {
        var path = _folder.File("secrets.enc");
        using (var file = SecretsFile.Open(path, _key))
        {
            file.Add("mm", SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret(), Now);
            file.Save();
        }

        var other = SecretsKey.Generate("BULKHEAD_SECRETS_KEY");
        var error = Should.Throw<SecretsException>(() => SecretsFile.Open(path, other));

        error.Message.ShouldStartWith("wrong key:");
        error.Message.ShouldContain(_key.IdText);
        error.Message.ShouldContain(other.IdText);
    }

    [Fact]
    public void Save_CreatesOwnerOnlyFile()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only
        }

        var path = _folder.File("secrets.enc");
        using var file = SecretsFile.Open(path, _key);
        file.Add("mm", SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret(), Now);
        file.Save();

        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Save_CrashBeforeRename_LeavesOldFileReadable()
    {
        var path = _folder.File("secrets.enc");
        var oldSecret = SecretsTestFolder.NewSecret();
        using (var file = SecretsFile.Open(path, _key))
        {
            file.Add("mm", SecretsTestFolder.NewApiKey(), oldSecret, Now);
            file.Save();
        }

        using (var file = SecretsFile.Open(path, _key))
        {
            file.Rotate("mm", SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret(), Now.AddDays(1));
            file.BeforeRename = temp =>
            {
                File.Exists(temp).ShouldBeTrue();
                SecretsFile.Open(path, _key).Find("mm")!.Secret.ShouldBe(oldSecret); // a reader now still sees the old version
                throw new IOException("simulated crash between fsync and rename");
            };
            Should.Throw<IOException>(file.Save);
        }

        SecretsFile.Open(path, _key).Find("mm")!.Secret.ShouldBe(oldSecret);
        Directory.GetFiles(_folder.Path, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public void Open_StaleTempFileFromCrashedWriter_Ignored()
    {
        var path = _folder.File("secrets.enc");
        using (var file = SecretsFile.Open(path, _key))
        {
            file.Add("mm", SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret(), Now);
            file.Save();
        }

        File.WriteAllBytes(_folder.File(".secrets.enc.99999.deadbeef.tmp"), Encoding.ASCII.GetBytes("BHSECRET half-written"));

        SecretsFile.Open(path, _key).Entries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task OpenForUpdate_SecondEditorWaitsThenFailsClearly()
    {
        var path = _folder.File("secrets.enc");
        var ct = TestContext.Current.CancellationToken;
        using var first = await SecretsFile.OpenForUpdateAsync(path, _key, TimeProvider.System, TimeSpan.Zero, ct);

        var error = await Should.ThrowAsync<SecretsException>(() => SecretsFile.OpenForUpdateAsync(path, _key, TimeProvider.System, TimeSpan.Zero, ct));

        error.Message.ShouldContain("being edited by another process");
        first.Dispose();
        using var second = await SecretsFile.OpenForUpdateAsync(path, _key, TimeProvider.System, TimeSpan.Zero, ct);
        second.Entries.ShouldBeEmpty();
    }

    [Fact]
    public void Add_ExistingName_PointsToRotate()
    {
        using var file = SecretsFile.Open(_folder.File("secrets.enc"), _key);
        file.Add("mm", SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret(), Now);

        Should.Throw<SecretsException>(() => file.Add("mm", SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret(), Now))
            .Message.ShouldBe("the secrets file already has an entry 'mm'; replace its value with bulkhead secrets rotate mm");
    }

    [Fact]
    public void ToString_EntryFileKey_NeverShowSecrets()
    {
        var (apiKey, secret) = (SecretsTestFolder.NewApiKey(), SecretsTestFolder.NewSecret());
        using var file = SecretsFile.Open(_folder.File("secrets.enc"), _key);
        var entry = file.Add("mm", apiKey, secret, Now);

        foreach (var text in new[] { entry.ToString(), file.ToString(), _key.ToString(), entry.ToCredentials().ToString() })
        {
            text.ShouldNotContain(secret);
            text.ShouldNotContain(apiKey);
        }

        entry.ToString().ShouldBe($"SecretEntry(mm, {apiKey[..4]}…{apiKey[^4..]})");
    }

    [Fact]
    public void ToCredentials_NotAKrakenSecret_ErrorNamesEntryOnly()
    {
        using var file = SecretsFile.Open(_folder.File("secrets.enc"), _key);
        var entry = file.Add("mm", "KEY123456789", "not base64 !!! but secret-ish", Now);

        var error = Should.Throw<SecretsException>(entry.ToCredentials);

        error.Message.ShouldContain("'mm'");
        error.Message.ShouldNotContain("secret-ish");
    }
}
