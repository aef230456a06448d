using System.CommandLine;

namespace Bulkhead.Cli.Commands;

/// <summary><c>bulkhead sandbox …</c>: run the sandbox exchange, and provision it through its admin API.</summary>
internal static class SandboxCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var sandbox = new Command("sandbox", "Run the Kraken-compatible sandbox exchange and provision accounts, keys and funds through its admin API.");
        sandbox.Subcommands.Add(SandboxServeCommand.Create(environment));
        sandbox.Subcommands.Add(CreateAccounts(environment));
        sandbox.Subcommands.Add(CreateKeys(environment));
        sandbox.Subcommands.Add(CreateDeposit(environment));
        sandbox.Subcommands.Add(CreateFaults(environment));
        sandbox.Subcommands.Add(SandboxProvisionCommand.Create(environment));
        return sandbox;
    }

    private static Command CreateAccounts(CliEnvironment environment)
    {
        var accounts = new Command("accounts", "List or create accounts.");
        var list = new Command("list", "List accounts with their balances per wallet.");
        var admin = new SandboxAdminOptions(list);
        list.SetAction((parse, ct) => admin.RunAsync(environment, parse, (client, token) => client.GetAsync("admin/accounts", token), ct));
        accounts.Subcommands.Add(list);

        var name = new Argument<string>("NAME") { Description = "Account name: 1-32 of a-z, 0-9, '_' and '-'." };
        var master = new Option<string?>("--master") { Description = "Make a subaccount of this master." };
        var create = new Command("create", "Create a master account, or a subaccount with --master.") { name, master };
        var createAdmin = new SandboxAdminOptions(create);
        create.SetAction((parse, ct) => createAdmin.RunAsync(environment, parse,
            (client, token) => client.PostAsync("admin/accounts", new { name = parse.GetValue(name), master = parse.GetValue(master) }, token), ct));
        accounts.Subcommands.Add(create);
        return accounts;
    }

    private static Command CreateKeys(CliEnvironment environment)
    {
        var keys = new Command("keys", "Create, list or revoke API keys.");
        var account = new Option<string>("--account") { Description = "The owning account.", Required = true };
        var permission = new Option<string[]>("--permission") { Description = "A Kraken permission name, e.g. \"Query Funds\"; repeat for several.", Arity = ArgumentArity.ZeroOrMore };
        var futures = new Option<string?>("--futures") { Description = "Make a Futures key: full or read-only." };
        var withdraw = new Option<bool>("--withdraw") { Description = "Futures key: allow withdrawals." };
        var nonceWindow = new Option<long>("--nonce-window") { Description = "Nonce window (0: strictly increasing).", DefaultValueFactory = _ => 0 };
        var ip = new Option<string[]>("--ip") { Description = "Allowed address or CIDR; repeat for several (default: any).", Arity = ArgumentArity.ZeroOrMore };
        var expires = new Option<string?>("--expires") { Description = "Expiry, ISO 8601 (e.g. 2027-01-01T00:00:00Z)." };
        var create = new Command("create", "Create a key; prints its key and secret (the only time the secret is shown).") { account, permission, futures, withdraw, nonceWindow, ip, expires };
        var createAdmin = new SandboxAdminOptions(create);
        create.SetAction((parse, ct) => createAdmin.RunAsync(environment, parse, (client, token) =>
        {
            var isFutures = parse.GetValue(futures) is not null || parse.GetValue(withdraw);
            object body = isFutures
                ? new
                {
                    account = parse.GetValue(account),
                    futures = parse.GetValue(futures) ?? "none",
                    withdraw = parse.GetValue(withdraw),
                    nonceWindow = parse.GetValue(nonceWindow),
                    ipAllowlist = parse.GetValue(ip) ?? [],
                    expiresAt = parse.GetValue(expires),
                }
                : new
                {
                    account = parse.GetValue(account),
                    permissions = parse.GetValue(permission) ?? [],
                    nonceWindow = parse.GetValue(nonceWindow),
                    ipAllowlist = parse.GetValue(ip) ?? [],
                    expiresAt = parse.GetValue(expires),
                };
            return client.PostAsync("admin/keys", body, token);
        }, ct));
        keys.Subcommands.Add(create);

        var listAccount = new Option<string?>("--account") { Description = "Only this account's keys." };
        var list = new Command("list", "List keys (never their secrets).") { listAccount };
        var listAdmin = new SandboxAdminOptions(list);
        list.SetAction((parse, ct) => listAdmin.RunAsync(environment, parse, (client, token) =>
            client.GetAsync(parse.GetValue(listAccount) is { } a ? $"admin/keys?account={Uri.EscapeDataString(a)}" : "admin/keys", token), ct));
        keys.Subcommands.Add(list);

        var key = new Argument<string>("KEY") { Description = "The public key to revoke." };
        var revoke = new Command("revoke", "Revoke a key: every later call with it is refused.") { key };
        var revokeAdmin = new SandboxAdminOptions(revoke);
        revoke.SetAction((parse, ct) => revokeAdmin.RunAsync(environment, parse,
            (client, token) => client.DeleteAsync("admin/keys/" + Uri.EscapeDataString(parse.GetValue(key)!), token), ct));
        keys.Subcommands.Add(revoke);
        return keys;
    }

    private static Command CreateDeposit(CliEnvironment environment)
    {
        var account = new Argument<string>("ACCOUNT") { Description = "The account to credit." };
        var asset = new Argument<string>("ASSET") { Description = "Asset id or name: ZUSD, XXBT, XBT, USDT, …" };
        var amount = new Argument<string>("AMOUNT") { Description = "Decimal amount, '.' as separator." };
        var wallet = new Option<string>("--wallet") { Description = "spot, or futures (the Futures flex/collateral wallet).", DefaultValueFactory = _ => "spot" };
        var deposit = new Command("deposit", "Deposit funds from outside into an account.") { account, asset, amount, wallet };
        var admin = new SandboxAdminOptions(deposit);
        deposit.SetAction((parse, ct) => admin.RunAsync(environment, parse, (client, token) => client.PostAsync("admin/deposits", new
        {
            account = parse.GetValue(account),
            asset = parse.GetValue(asset),
            amount = parse.GetValue(amount),
            wallet = parse.GetValue(wallet),
        }, token), ct));
        return deposit;
    }

    private static Command CreateFaults(CliEnvironment environment)
    {
        var latency = new Option<long?>("--latency-ms") { Description = "REST: delay before every Kraken-API answer, 0-60000 ms." };
        var unavailable = new Option<decimal?>("--unavailable-rate") { Description = "REST: share of Kraken-API requests answered EService:Unavailable, 0-1." };
        var socketDelay = new Option<long?>("--socket-delay-ms") { Description = "WebSocket: delay of every frame the sandbox sends, per connection and in order, 0-60000 ms." };
        var dropSockets = new Option<bool>("--drop-sockets") { Description = "WebSocket: abort every open connection now, without a close frame (one shot)." };
        var dropBeforeAck = new Option<int?>("--drop-before-ack") { Description = "WebSocket: the next N order requests commit, then lose their connection before the answer, 0-1000." };
        var corruptBook = new Option<int?>("--corrupt-book-checksum") { Description = "WebSocket: the next N book updates carry a wrong checksum, 0-1000." };
        var faults = new Command("faults", "Show the injected faults, or change the ones given (the others stay as they are).")
        {
            latency, unavailable, socketDelay, dropSockets, dropBeforeAck, corruptBook,
        };
        var admin = new SandboxAdminOptions(faults);
        faults.SetAction((parse, ct) => admin.RunAsync(environment, parse, (client, token) =>
        {
            var body = new
            {
                latencyMs = parse.GetValue(latency),
                unavailableRate = parse.GetValue(unavailable),
                socketDelayMs = parse.GetValue(socketDelay),
                dropSockets = parse.GetValue(dropSockets) ? true : (bool?)null,
                dropBeforeAck = parse.GetValue(dropBeforeAck),
                corruptBookChecksum = parse.GetValue(corruptBook),
            };
            var change = body.latencyMs is not null || body.unavailableRate is not null || body.socketDelayMs is not null
                || body.dropSockets is not null || body.dropBeforeAck is not null || body.corruptBookChecksum is not null;
            return change ? client.PostAsync("admin/faults", body, token) : client.GetAsync("admin/faults", token);
        }, ct));
        return faults;
    }
}
