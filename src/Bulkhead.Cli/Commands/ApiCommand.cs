using System.CommandLine;
using System.Text.Json;
using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Cli.Commands;

/// <summary><c>bulkhead api spot|futures …</c>: one call, printed as JSON; <c>bulkhead api ws spot|unified …</c>: <see cref="ApiSocketCommand"/>.</summary>
internal static class ApiCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static Command Create(CliEnvironment environment)
    {
        var api = new Command("api", "Make one call to Kraken (or any server that speaks its wire protocol) and print the JSON result.");
        api.Subcommands.Add(CreateSpot(environment));
        api.Subcommands.Add(CreateFutures(environment));
        api.Subcommands.Add(ApiSocketCommand.Create(environment));
        return api;
    }

    private static Command CreateSpot(CliEnvironment environment)
    {
        var method = new Argument<string>("METHOD") { Description = "The Spot method, case-sensitive: Time, Balance, AddOrder, …" };
        var parameters = new Argument<string[]>("PARAMETERS") { Description = "Request parameters as name=value (e.g. pair=XBTUSD).", Arity = ArgumentArity.ZeroOrMore };
        var common = new CommonOptions();
        var fleet = new FleetOptions();
        var command = new Command("spot", "Call a Spot REST method: public ones with GET /0/public/METHOD, private ones signed with POST /0/private/METHOD.")
        {
            method, parameters,
        };
        common.AddTo(command);
        fleet.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(environment, common, fleet, Venue.Spot, parse, async (call, ctx, ct) =>
        {
            var name = parse.GetValue(method)!;
            var client = new SpotClient(call.Http, call.ClientOptions, environment.Time, ctx.Key, ctx.SpotLimiters);
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
        var fleet = new FleetOptions();
        var command = new Command("futures", "Call a Futures REST endpoint; private ones are signed with APIKey/Authent.")
        {
            verb, path, parameters,
        };
        common.AddTo(command);
        fleet.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(environment, common, fleet, Venue.Futures, parse, async (call, ctx, ct) =>
        {
            var client = new FuturesRestClient(call.Http, call.ClientOptions, environment.Time, ctx.Key, ctx.FuturesLimiters);
            var httpVerb = new HttpMethod(parse.GetValue(verb)!.ToUpperInvariant());
            var endpoint = parse.GetValue(path)!;
            return await client.CallAsync(httpVerb, endpoint, call.Parameters, authenticated: !FuturesEndpoints.IsPublic(endpoint), ct).ConfigureAwait(false);
        }, needsKey: parse => !FuturesEndpoints.IsPublic(parse.GetValue(path)!), parameters, ct));
        return command;
    }

    private static async Task<int> RunAsync(
        CliEnvironment environment,
        CommonOptions common,
        FleetOptions fleet,
        Venue venue,
        ParseResult parse,
        Func<ApiCall, KeyContext, CancellationToken, Task<KrakenResult<JsonElement>>> call,
        Func<ParseResult, bool> needsKey,
        Argument<string[]> parameterArgument,
        CancellationToken cancellationToken)
    {
        if (!NameValueArguments.TryParse(parse.GetValue(parameterArgument) ?? [], out var parameters, out var problem))
        {
            return Fail(environment, ExitCodes.Usage, problem!);
        }

        if (!common.TryGetClientOptions(parse, out var clientOptions, out problem) || !fleet.TryGetRepetition(parse, out var repeat, out var interval, out problem))
        {
            return Fail(environment, ExitCodes.Usage, problem!);
        }

        KeyContext? opened = null;
        Fleet.Journal.CallJournalWriter? journal = null;
        try
        {
            if (parse.GetValue(fleet.Fleet) is not null)
            {
                var code = FleetKeys.Open(environment, fleet, parse, venue, needsKey(parse), out opened, out var fleetUrl, out problem);
                if (code != ExitCodes.Success)
                {
                    return Fail(environment, code, problem!);
                }

                clientOptions!.BaseUrl ??= fleetUrl;
                journal = FleetJournal.Open(environment, fleet, parse);
                clientOptions.CallJournal = journal;
            }
            else if (needsKey(parse))
            {
                if (!CredentialSources.TryLoad(environment, parse.GetValue(common.KeyFile), out var credentials, out problem))
                {
                    return Fail(environment, ExitCodes.Usage, problem!);
                }

                if (!KeyContext.TryOpen(credentials!, environment.DataFolder(parse.GetValue(common.Data)), environment.Time, out opened, out problem))
                {
                    return Fail(environment, ExitCodes.KeyUnavailable, problem!);
                }
            }

            var context = opened ?? KeyContext.Empty();
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            return await RepeatAsync(environment, call, new ApiCall(http, clientOptions!, parameters), context, repeat, interval, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            opened?.Dispose();
            journal?.Dispose();
        }
    }

    // One call prints indented JSON as before; repeated calls print one compact JSON line each and a summary on stderr.
    private static async Task<int> RepeatAsync(CliEnvironment environment, Func<ApiCall, KeyContext, CancellationToken, Task<KrakenResult<JsonElement>>> call, ApiCall request, KeyContext context, int repeat, TimeSpan interval, CancellationToken cancellationToken)
    {
        // SIGTERM and Ctrl-C stop a repeating run cleanly: the summary is printed and the lease released.
        using var stop = new Runtime.StopSignals(cancellationToken);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, context.LeaseLost);
        var token = linked.Token;
        var calls = 0;
        var failed = 0;
        try
        {
            while (repeat == 0 || calls < repeat)
            {
                if (calls > 0 && interval > TimeSpan.Zero)
                {
                    await Task.Delay(interval, environment.Time, token).ConfigureAwait(false);
                }

                token.ThrowIfCancellationRequested();
                var result = await call(request, context, token).ConfigureAwait(false);
                calls++;
                if (!result.Success)
                {
                    failed++;
                    await environment.Error.WriteLineAsync(result.Error.Code).ConfigureAwait(false);
                    if (result.Error.Message != result.Error.Code)
                    {
                        await environment.Error.WriteLineAsync(result.Error.Message).ConfigureAwait(false);
                    }
                }
                else
                {
                    await environment.Out.WriteLineAsync(JsonSerializer.Serialize(result.Value, repeat == 1 ? Indented : Compact)).ConfigureAwait(false);
                }
            }
        }
        catch (LeaseLostException ex)
        {
            return Fail(environment, ExitCodes.KeyUnavailable, ex.Message);
        }
        catch (OperationCanceledException) when (context.LeaseLost.IsCancellationRequested)
        {
            return Fail(environment, ExitCodes.KeyUnavailable, "the key's lease was lost; stopped");
        }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested && repeat != 1)
        {
            // Stopped (Ctrl-C or SIGTERM): the summary below still tells what was done.
        }

        if (repeat != 1)
        {
            await environment.Error.WriteLineAsync($"bulkhead: {calls} calls, {calls - failed} succeeded, {failed} failed").ConfigureAwait(false);
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.CallFailed;
    }

    private static int Fail(CliEnvironment environment, int code, string problem)
    {
        environment.Error.WriteLine($"bulkhead: {problem}");
        return code;
    }
}
