using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Feeds;
using Bulkhead.Kraken.Sockets.Tokens;
using Bulkhead.Kraken.Sockets.Trading;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead api ws spot|unified subscribe CHANNEL [SYMBOL] [--count N]</c>, <c>… add SYMBOL buy|sell QUANTITY [PRICE]</c>,
/// <c>… cancel ORDER_ID…</c>, <c>… cancel-all</c>: one-off stream reads and orders over Spot WebSocket v2 or the
/// Unified WebSocket, printed as JSON lines. Private channels and orders take a token through the key's own Spot client:
/// with <c>--fleet FILE --process NAME</c> the process's key with its lease, nonces and the account's budgets, as
/// <c>bulkhead api spot --fleet</c> does (the connection's requests go to the call journal), else <c>--key-file</c> or
/// KRAKEN_API_KEY/KRAKEN_API_SECRET.
/// </summary>
internal static class ApiSocketCommand
{
    private static readonly string[] PrivateChannels = ["executions", "balances", "positions", "margin", "ledgers"];
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static Command Create(CliEnvironment environment)
    {
        var ws = new Command("ws", "Read a stream or send an order over Kraken's WebSockets (Spot v2, or the Unified WebSocket for derivatives) and print JSON lines.");
        ws.Subcommands.Add(CreateProtocol(environment, "spot", SocketProtocol.SpotV2, "Spot WebSocket v2 (wss://ws.kraken.com/v2, ws-auth for private)"));
        ws.Subcommands.Add(CreateProtocol(environment, "unified", SocketProtocol.Unified, "the Unified WebSocket for derivatives (wss://uws.kraken.com/v2)"));
        return ws;
    }

    private static Command CreateProtocol(CliEnvironment environment, string name, SocketProtocol protocol, string description)
    {
        var action = new Argument<string>("ACTION") { Description = "subscribe, add, cancel or cancel-all." };
        action.AcceptOnlyFromAmong("subscribe", "add", "cancel", "cancel-all");
        var arguments = new Argument<string[]>("ARGUMENTS")
        {
            Description = "subscribe: CHANNEL [SYMBOL] (ticker — on every best bid/offer change, trade, book, ohlc, instrument; private: executions, balances, positions, margin, ledgers); add: SYMBOL buy|sell QUANTITY [PRICE] (no price: a market order); cancel: ORDER_ID…",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var count = new Option<int>("--count") { Description = "subscribe: how many messages to print before closing.", DefaultValueFactory = _ => 1 };
        var wait = new Option<double>("--wait") { Description = "subscribe: seconds to wait for them at most.", DefaultValueFactory = _ => 30 };
        var common = new CommonOptions();
        var fleet = new FleetOptions();
        var command = new Command(name, $"Use {description}.") { action, arguments, count, wait };
        common.AddTo(command);
        fleet.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(environment, protocol, parse.GetValue(action)!, parse.GetValue(arguments) ?? [], parse.GetValue(count), parse.GetValue(wait), common, fleet, parse, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, SocketProtocol protocol, string action, string[] arguments, int count, double wait, CommonOptions common, FleetOptions fleet, ParseResult parse, CancellationToken cancellationToken)
    {
        if (Usage(action, arguments, count, wait) is { } usage)
        {
            return Fail(environment, ExitCodes.Usage, usage);
        }

        if (!common.TryGetClientOptions(parse, out var clientOptions, out var problem))
        {
            return Fail(environment, ExitCodes.Usage, problem!);
        }

        var isPrivate = action != "subscribe" || PrivateChannels.Contains(arguments[0], StringComparer.Ordinal);
        KeyContext? opened = null;
        Fleet.Journal.CallJournalWriter? journal = null;
        SpotSocketTokens? tokens = null;
        try
        {
            if (parse.GetValue(fleet.Fleet) is not null)
            {
                var code = FleetKeys.Open(environment, fleet, parse, Venue.Spot, isPrivate, out opened, out var fleetUrl, out problem);
                if (code != ExitCodes.Success)
                {
                    return Fail(environment, code, problem!);
                }

                clientOptions!.BaseUrl ??= fleetUrl;
                journal = FleetJournal.Open(environment, fleet, parse);
                clientOptions.CallJournal = journal;
            }
            else if (isPrivate)
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

            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            if (isPrivate)
            {
                tokens = new SpotSocketTokens(new SpotClient(http, clientOptions!, environment.Time, opened!.Key, opened.SpotLimiters), environment.Time);
            }

            var endpoint = Endpoint(clientOptions!.BaseUrl, protocol, isPrivate);
            await using var client = new KrakenSocketClient(new KrakenSocketOptions { Endpoint = endpoint, CallJournal = journal }, environment.Time, tokens);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, opened?.LeaseLost ?? CancellationToken.None);
            var token = linked.Token;
            var connected = await client.ConnectAsync(token).ConfigureAwait(false);
            if (!connected.Success)
            {
                return Failed(environment, connected.Error);
            }

            return action switch
            {
                "subscribe" => await SubscribeAsync(environment, client, arguments, count, TimeSpan.FromSeconds(wait), token).ConfigureAwait(false),
                "add" => Print(environment, await client.AddOrderAsync(Order(arguments), token).ConfigureAwait(false)),
                "cancel" => Print(environment, await client.CancelOrdersAsync([.. arguments], token).ConfigureAwait(false)),
                _ => Print(environment, (await client.CancelAllAsync(token).ConfigureAwait(false)).Map(n => new { count = n })),
            };
        }
        finally
        {
            tokens?.Dispose();
            opened?.Dispose();
            journal?.Dispose();
        }
    }

    /// <summary>The endpoint: Kraken's own when no URL is given (or it is Kraken's REST host), else the server's Kraken paths (the sandbox).</summary>
    internal static KrakenSocketEndpoint Endpoint(Uri? baseUrl, SocketProtocol protocol, bool isPrivate) =>
        baseUrl is null || string.Equals(baseUrl.Host, "api.kraken.com", StringComparison.OrdinalIgnoreCase)
            ? (protocol, isPrivate) switch
            {
                (SocketProtocol.SpotV2, false) => KrakenSocketEndpoint.SpotPublic,
                (SocketProtocol.SpotV2, true) => KrakenSocketEndpoint.SpotPrivate,
                (_, false) => KrakenSocketEndpoint.UnifiedPublic,
                _ => KrakenSocketEndpoint.UnifiedPrivate,
            }
            : KrakenSocketEndpoint.OnServer(baseUrl, protocol, isPrivate);

    private static string? Usage(string action, string[] arguments, int count, double wait)
    {
        var decimals = action == "add" && arguments.Length >= 3 && arguments.Skip(2).All(a => decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d > 0m);
        return action switch
        {
            "subscribe" when arguments.Length is < 1 or > 2 => "subscribe takes CHANNEL [SYMBOL]",
            "subscribe" when arguments[0] is not ("instrument" or "executions" or "balances" or "positions" or "margin" or "ledgers") && arguments.Length != 2 => $"subscribe {arguments[0]} needs a SYMBOL (e.g. BTC/USD, PF_XBTUSD)",
            "subscribe" when count < 1 || wait is <= 0 or > 3600 || double.IsNaN(wait) => "--count must be at least 1 and --wait between 0 and 3600 seconds",
            "add" when arguments.Length is < 3 or > 4 || arguments[1] is not ("buy" or "sell") || !decimals => "add takes SYMBOL buy|sell QUANTITY [PRICE] (positive decimals)",
            "cancel" when arguments.Length == 0 => "cancel takes ORDER_ID…",
            "cancel-all" when arguments.Length > 0 => "cancel-all takes no arguments",
            _ => null,
        };
    }

    private static SocketOrderRequest Order(string[] arguments) => new()
    {
        Symbol = arguments[0],
        Side = arguments[1] == "buy" ? OrderSide.Buy : OrderSide.Sell,
        OrderType = arguments.Length == 4 ? SocketOrderType.Limit : SocketOrderType.Market,
        Quantity = decimal.Parse(arguments[2], NumberStyles.Number, CultureInfo.InvariantCulture),
        LimitPrice = arguments.Length == 4 ? decimal.Parse(arguments[3], NumberStyles.Number, CultureInfo.InvariantCulture) : null,
    };

    private static async Task<int> SubscribeAsync(CliEnvironment environment, KrakenSocketClient client, string[] arguments, int count, TimeSpan wait, CancellationToken cancellationToken)
    {
        var symbol = arguments.Length > 1 ? arguments[1] : null;
        using var timer = new CancellationTokenSource(wait, environment.Time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var printed = 0;
        try
        {
            if (arguments[0] == "book")
            {
                var book = await client.SubscribeBookAsync(symbol!, 10, cancellationToken).ConfigureAwait(false);
                if (!book.Success)
                {
                    return Failed(environment, book.Error);
                }

                await using (book.Value.ConfigureAwait(false))
                {
                    while (printed < count)
                    {
                        await book.Value.WaitForChangeAsync(deadline.Token).ConfigureAwait(false);
                        var b = book.Value.Book;
                        await environment.Out.WriteLineAsync(JsonSerializer.Serialize(new { channel = "book", symbol, bid = b.BestBid?.Price, ask = b.BestAsk?.Price, synchronised = b.IsSynchronised }, Json)).ConfigureAwait(false);
                        printed++;
                    }
                }

                return ExitCodes.Success;
            }

            return arguments[0] switch
            {
                "ticker" => await PrintFeedAsync(environment, "ticker", await client.SubscribeTickerAsync(symbol!, Kraken.Sockets.Market.TickerTrigger.BestBidOffer, cancellationToken).ConfigureAwait(false), count, deadline.Token).ConfigureAwait(false),
                "trade" => await PrintFeedAsync(environment, "trade", await client.SubscribeTradesAsync(symbol!, cancellationToken: cancellationToken).ConfigureAwait(false), count, deadline.Token).ConfigureAwait(false),
                "ohlc" => await PrintFeedAsync(environment, "ohlc", await client.SubscribeOhlcAsync(symbol!, cancellationToken: cancellationToken).ConfigureAwait(false), count, deadline.Token).ConfigureAwait(false),
                "instrument" => await PrintFeedAsync(environment, "instrument", await client.SubscribeInstrumentsAsync(cancellationToken).ConfigureAwait(false), count, deadline.Token).ConfigureAwait(false),
                "executions" => await PrintFeedAsync(environment, "executions", await client.SubscribeExecutionsAsync(cancellationToken: cancellationToken).ConfigureAwait(false), count, deadline.Token).ConfigureAwait(false),
                "balances" => await PrintFeedAsync(environment, "balances", await client.SubscribeBalancesAsync(cancellationToken).ConfigureAwait(false), count, deadline.Token).ConfigureAwait(false),
                "positions" => await PrintFeedAsync(environment, "positions", await client.SubscribePositionsAsync(cancellationToken: cancellationToken).ConfigureAwait(false), count, deadline.Token).ConfigureAwait(false),
                "margin" => await PrintFeedAsync(environment, "margin", await client.SubscribeMarginAsync(cancellationToken).ConfigureAwait(false), count, deadline.Token).ConfigureAwait(false),
                "ledgers" => await PrintFeedAsync(environment, "ledgers", await client.SubscribeLedgersAsync(cancellationToken).ConfigureAwait(false), count, deadline.Token).ConfigureAwait(false),
                _ => Fail(environment, ExitCodes.Usage, $"unknown channel {arguments[0]}: ticker, trade, book, ohlc, instrument, executions, balances, positions, margin or ledgers"),
            };
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Fail(environment, ExitCodes.CallFailed, $"only {printed} of {count} book changes within {wait.TotalSeconds:0.#} s");
        }
    }

    private static async Task<int> PrintFeedAsync<T>(CliEnvironment environment, string channel, KrakenResult<SocketFeed<T>> subscribed, int count, CancellationToken cancellationToken)
    {
        if (!subscribed.Success)
        {
            return Failed(environment, subscribed.Error);
        }

        var printed = 0;
        await using (subscribed.Value.ConfigureAwait(false))
        {
            try
            {
                await foreach (var batch in subscribed.Value.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    await environment.Out.WriteLineAsync(JsonSerializer.Serialize(new { channel, snapshot = batch.IsSnapshot, session = batch.Session, items = batch.Items }, Json)).ConfigureAwait(false);
                    if (++printed >= count)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // the wait is over (or Ctrl-C): say how far it got
            }
        }

        return printed >= count ? ExitCodes.Success : Fail(environment, ExitCodes.CallFailed, $"only {printed} of {count} {channel} messages arrived");
    }

    private static int Print<T>(CliEnvironment environment, KrakenResult<T> result)
    {
        if (!result.Success)
        {
            return Failed(environment, result.Error);
        }

        environment.Out.WriteLine(JsonSerializer.Serialize(result.Value, Json));
        return ExitCodes.Success;
    }

    private static int Failed(CliEnvironment environment, KrakenError error)
    {
        environment.Error.WriteLine(error.Code);
        if (error.Message != error.Code)
        {
            environment.Error.WriteLine(error.Message);
        }

        return ExitCodes.CallFailed;
    }

    private static int Fail(CliEnvironment environment, int code, string problem)
    {
        environment.Error.WriteLine($"bulkhead: {problem}");
        return code;
    }
}
