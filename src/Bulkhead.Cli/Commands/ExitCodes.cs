namespace Bulkhead.Cli.Commands;

/// <summary>The CLI's exit codes, one meaning each.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The exchange (or the path to it) answered with an error; its string is on stderr.</summary>
    public const int CallFailed = 1;

    /// <summary>The command line, a key file or the credentials are wrong; nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>The key's nonce sequence is held by another process; nothing was sent.</summary>
    public const int KeyUnavailable = 3;
}
