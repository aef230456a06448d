using System.CommandLine;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Cli.Commands;

/// <summary><c>bulkhead api spot|futures …</c>: one call, printed as JSON.</summary>
internal static class ApiCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliEnvironment environment)
    {
        var api = new Command("api", "Make one call to Kraken (or any server that speaks its wire protocol) and print the JSON result.");
        api.Subcommands.Add(CreateSpot(environment));
        api.Subcommands.Add(CreateFutures(environment));
        return api;
    }

    private static Command CreateSpot(CliEnvironment environment)
    {
        var method = new Argument<string>("METHOD") { Description = "The Spot method, case-sensitive: Time, Balance, AddOrder, …" };
        var parameters = new Argument<string[]>("PARAMETERS") { Description = "Request parameters as name=value (e.g. pair=XBTUSD).", Arity = ArgumentArity.ZeroOrMore };
        var common = new CommonOptions();
        var command = new Command("spot", "Call a Spot REST method: public ones with GET /0/public/METHOD, private ones signed with POST /0/private/METHOD.")
        {
            method, parameters,
        };
        common.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(environment, common, parse, async (call, ctx) =>
        {
            var name = parse.GetValue(method)!;
            var client = new SpotClient(call.Http, call.ClientOptions, environment.Time, ctx.Key);
            return SpotMethods.IsPublic(name)
                ? await client.CallPublicAsync(name, call.Parameters, ct).ConfigureAwait(false)
                : await client.CallPrivateAsync(name, call.Parameters, ct).ConfigureAwait(false);
        }, needsKey: parse => !SpotMethods.IsPublic(parse.GetValue(method)!), parameters, ct));
        return command;
    }

    private static Command CreateFutures(CliEnvironment environment)
    {
        var verb = new Argument<string>("VERB") { Description = "GET, POST or PUT." };
        verb.AcceptOnlyFromAmong("GET", "POST", "PUT", "get", "post", "put");
        var path = new Argument<string>("PATH") { Description = "Endpoint relative to /derivatives/api/v3/ (openpositions) or an absolute path (/api/history/v3/account-log)." };
        var parameters = new Argument<string[]>("PARAMETERS") { Description = "Request parameters as name=value.", Arity = ArgumentArity.ZeroOrMore };
        var common = new CommonOptions();
        var command = new Command("futures", "Call a Futures REST endpoint; private ones are signed with APIKey/Authent.")
        {
            verb, path, parameters,
        };
        common.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(environment, common, parse, async (call, ctx) =>
        {
            var client = new FuturesRestClient(call.Http, call.ClientOptions, environment.Time, ctx.Key);
            var httpVerb = new HttpMethod(parse.GetValue(verb)!.ToUpperInvariant());
            var endpoint = parse.GetValue(path)!;
            return await client.CallAsync(httpVerb, endpoint, call.Parameters, authenticated: !FuturesEndpoints.IsPublic(endpoint), ct).ConfigureAwait(false);
        }, needsKey: parse => !FuturesEndpoints.IsPublic(parse.GetValue(path)!), parameters, ct));
        return command;
    }

    private static async Task<int> RunAsync(
        CliEnvironment environment,
        CommonOptions common,
        ParseResult parse,
        Func<ApiCall, KeyContext, Task<KrakenResult<JsonElement>>> call,
        Func<ParseResult, bool> needsKey,
        Argument<string[]> parameterArgument,
        CancellationToken cancellationToken)
    {
        if (!NameValueArguments.TryParse(parse.GetValue(parameterArgument) ?? [], out var parameters, out var problem))
        {
            return Fail(environment, ExitCodes.Usage, problem!);
        }

        if (!common.TryGetClientOptions(parse, out var clientOptions, out problem))
        {
            return Fail(environment, ExitCodes.Usage, problem!);
        }

        using var keyContext = KeyContext.Empty();
        var context = keyContext;
        KeyContext? opened = null;
        try
        {
            if (needsKey(parse))
            {
                if (!CredentialSources.TryLoad(environment, parse.GetValue(common.KeyFile), out var credentials, out problem))
                {
                    return Fail(environment, ExitCodes.Usage, problem!);
                }

                if (!KeyContext.TryOpen(credentials!, environment.DataFolder(parse.GetValue(common.Data)), environment.Time, out opened, out problem))
                {
                    return Fail(environment, ExitCodes.KeyUnavailable, problem!);
                }

                context = opened!;
            }

            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            cancellationToken.ThrowIfCancellationRequested();
            var result = await call(new ApiCall(http, clientOptions!, parameters), context).ConfigureAwait(false);
            if (!result.Success)
            {
                await environment.Error.WriteLineAsync(result.Error.Code).ConfigureAwait(false);
                if (result.Error.Message != result.Error.Code)
                {
                    await environment.Error.WriteLineAsync(result.Error.Message).ConfigureAwait(false);
                }

                return ExitCodes.CallFailed;
            }

            await environment.Out.WriteLineAsync(JsonSerializer.Serialize(result.Value, Indented)).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        finally
        {
            opened?.Dispose();
        }
    }

    private static int Fail(CliEnvironment environment, int code, string problem)
    {
        environment.Error.WriteLine($"bulkhead: {problem}");
        return code;
    }
}
