using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Rehearsals;
using Bulkhead.Kraken.Spot;

namespace Bulkhead.Fleet.Planning;

/// <summary>
/// The exact checklist to set a fleet up where keys cannot be created by API (production): subaccounts, then keys with
/// their boxes, then secrets; and the rate budgets the fleet will run under, as Kraken counts them.
/// </summary>
/// <param name="Fleet">The fleet's name.</param>
/// <param name="Environment">The environment planned for.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="Budgets">The rate budgets (<see cref="PlanBudgets"/>): per key, per account and pair, per account.</param>
public sealed record ProductionPlan(string Fleet, string Environment, ImmutableArray<PlanStep> Steps, ImmutableArray<PlanBudget> Budgets)
{
    /// <summary>
    /// The production gate's verdict for this manifest revision (null when the environment is not a production one or
    /// the store was not read): the checklist starts with it.
    /// </summary>
    public ProductionVerdict? Gate { get; init; }

    private static readonly string[] FuturesBoxes = ["General API: Read Only", "General API: Full Access", "Withdrawal API: Full Access"];

    /// <summary>Builds the plan for <paramref name="environment"/> (keys that exist there).</summary>
    public static ProductionPlan Build(FleetManifest manifest, string environment)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var steps = ImmutableArray.CreateBuilder<PlanStep>();
        foreach (var sub in manifest.Subaccounts)
        {
            var how = sub.Venue == Venue.Spot
                ? $"create Spot subaccount \"{sub.Name}\" from master \"{manifest.Master.Name}\": CreateSubaccount (username, email) with the treasury's master key (it needs Withdraw Funds), or Kraken's UI"
                : $"create Futures subaccount \"{sub.Name}\" and link it to master \"{manifest.Master.Name}\": file a link request with Kraken support (same name, verified, futures-enabled)";
            steps.Add(new PlanStep("subaccount", sub.Name, manifest.Master.Name, Lower(sub.Venue), how, [], [], [], null));
        }

        foreach (var key in manifest.Keys.Where(k => k.IsIn(environment)))
        {
            var (spot, futures) = KeyPermissions.Held(manifest, key);
            ImmutableArray<string> tick, untick;
            if (key.Venue == Venue.Spot)
            {
                tick = [.. KeyPermissions.Names(spot)];
                untick = [.. KeyPermissions.Names(~spot & SpotPermissions.All.Aggregate(SpotPermission.None, (a, p) => a | p.Permission))];
            }
            else
            {
                var boxes = new List<string>();
                if (futures.HasFlag(FuturesPermission.Full))
                {
                    boxes.Add(FuturesBoxes[1]);
                }
                else if (futures.HasFlag(FuturesPermission.ReadOnly))
                {
                    boxes.Add(FuturesBoxes[0]);
                }

                if (futures.HasFlag(FuturesPermission.Withdrawal))
                {
                    boxes.Add(FuturesBoxes[2]);
                }

                tick = [.. boxes];
                untick = [.. FuturesBoxes.Except(boxes).Where(b => !(b == FuturesBoxes[0] && boxes.Contains(FuturesBoxes[1])))];
            }

            var where = key.Venue == Venue.Spot ? "Kraken Spot: Settings → API → Create API key" : "Kraken Futures: Settings → API Keys → Create Key";
            var users = string.Join(", ", manifest.ProcessesUsing(key.Name).Select(p => $"{p.Name} ({p.Role.ToString().ToLowerInvariant()})"));
            steps.Add(new PlanStep("key", key.Name, key.Account, Lower(key.Venue),
                $"signed in as account \"{key.Account}\", {where}; description \"{key.Name}\"{(users.Length > 0 ? $", for {users}" : "")}",
                tick, untick, [.. key.IpAllowlist.Select(n => n.ToString())], key.Expires));
            steps.Add(new PlanStep("secret", key.Name, key.Account, Lower(key.Venue), key.Secret.StartsWith("env:", StringComparison.Ordinal)
                ? $"put the API key and secret in {key.Secret[4..]}_KEY and {key.Secret[4..]}_SECRET on the hosts of its process"
                : $"store the API key and secret: bulkhead secrets set {key.Secret[(key.Secret.IndexOf(':', StringComparison.Ordinal) + 1)..]}", [], [], [], null));
        }

        return new ProductionPlan(manifest.Fleet.Name, environment, steps.ToImmutable(), PlanBudgets.For(manifest, environment));
    }

    /// <summary>The checklist as numbered, human text.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Production checklist for fleet \"{Fleet}\" ({Environment}):\n");
        if (Gate is { } gate)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n[{(gate.Allowed ? "x" : " ")}] 0. {(gate.Allowed ? "TESTED" : "NOT TESTED")} in the sandbox before production: {gate.Text}\n");
        }

        var n = 0;
        foreach (var step in Steps)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n[ ] {++n}. {step.Kind} {step.Subject} ({step.Venue}, account {step.Account}): {step.Instruction}\n");
            if (step.Kind == "key")
            {
                text.Append(CultureInfo.InvariantCulture, $"       tick:    {(step.Tick.IsEmpty ? "(nothing)" : string.Join("; ", step.Tick))}\n");
                text.Append(CultureInfo.InvariantCulture, $"       untick:  {(step.Untick.IsEmpty ? "(nothing)" : string.Join("; ", step.Untick))}\n");
                text.Append(CultureInfo.InvariantCulture, $"       IP allowlist: {(step.IpAllowlist.IsEmpty ? "NONE (set one for production)" : string.Join(", ", step.IpAllowlist))}\n");
                text.Append(CultureInfo.InvariantCulture, $"       expiry:  {(step.Expires is { } e ? e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "none")}\n");
            }
        }

        if (!Budgets.IsEmpty)
        {
            text.Append("\nRate budgets, as Kraken counts them (a key's own, or shared by the keys named):\n");
            foreach (var budget in Budgets)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {budget.Kind,-22} {Whose(budget)}: {budget.Limit} ({budget.Rate}) → {budget.Refusal}\n");
            }
        }

        return text.ToString();
    }

    private static string Whose(PlanBudget budget) => budget.Scope switch
    {
        "key" => $"key {budget.Keys[0]} (account {budget.Account})",
        "connection" => $"each connection of key {budget.Keys[0]}",
        "account-pair" => $"account {budget.Account}, {(budget.Pair is { } pair ? "pair " + pair : "each pair")}, keys {string.Join(", ", budget.Keys)}",
        _ => $"account {budget.Account}, keys {string.Join(", ", budget.Keys)}",
    };

    private static string Lower(Venue venue) => venue == Venue.Spot ? "spot" : "futures";
}
