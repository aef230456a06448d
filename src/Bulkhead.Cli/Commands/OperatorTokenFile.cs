namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>operator.token</c> beside a manifest: where <c>bulkhead demo</c> keeps the operator token it generated (mode 0600), and
/// where the operator commands look for one when neither <c>--token</c> nor <c>BULKHEAD_OPERATOR_TOKEN</c> gives it.
/// </summary>
internal static class OperatorTokenFile
{
    public const string Name = "operator.token";

    /// <summary>Writes <paramref name="token"/> to <paramref name="path"/>, readable by its owner only.</summary>
    public static void Write(string path, string token)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        using var writer = new StreamWriter(file);
        writer.Write(token);
    }

    /// <summary>The token in <paramref name="folder"/>'s <c>operator.token</c>, or null.</summary>
    public static string? Read(string folder)
    {
        var path = Path.Combine(folder, Name);
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() is { Length: > 0 } token ? token : null : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
