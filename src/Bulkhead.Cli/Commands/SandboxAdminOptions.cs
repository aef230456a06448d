using System.CommandLine;

namespace Bulkhead.Cli.Commands;

/// <summary>Options every admin-API sub-command takes: <c>--url</c>, <c>--admin-token</c>, <c>--data</c>.</summary>
internal sealed class SandboxAdminOptions
{
    private readonly Option<string?> _url = new("--url") { Description = "The sandbox's base URL (default http://127.0.0.1:5080)." };
    private readonly Option<string?> _token = new("--admin-token") { Description = "Admin bearer token (default: BULKHEAD_ADMIN_TOKEN, else DATA/admin.token)." };
    private readonly Option<string?> _data = new("--data") { Description = "The sandbox's data folder, to read admin.token from (default: BULKHEAD_HOME/sandbox or ~/.bulkhead/sandbox)." };

    public SandboxAdminOptions(Command command)
    {
        command.Options.Add(_url);
        command.Options.Add(_token);
        command.Options.Add(_data);
    }

    public async Task<int> RunAsync(CliEnvironment environment, ParseResult parse, Func<SandboxAdminClient, CancellationToken, Task<int>> call, CancellationToken cancellationToken)
    {
        var client = SandboxAdminClient.TryCreate(environment, parse.GetValue(_url), parse.GetValue(_token), parse.GetValue(_data), out var problem);
        if (client is null)
        {
            await environment.Error.WriteLineAsync($"bulkhead: {problem}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await call(client, cancellationToken).ConfigureAwait(false);
    }
}
