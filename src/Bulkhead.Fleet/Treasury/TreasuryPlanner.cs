using System.Collections.Immutable;
using System.Globalization;
using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Fleet.Treasury;

/// <summary>
/// Turns a request into the ordered steps that carry it out. Every step has the master on one side, so the master's
/// keys can recognise each one in the master's ledger: subaccount → subaccount goes through the master; a Futures
/// subaccount's collateral reaches the master's Spot wallet as <c>transfer/subaccount</c> (its <c>flex</c> → the master's
/// Futures <c>cash</c>) then the master's Futures <c>withdrawal</c> (→ its Spot wallet); a withdrawal from a subaccount is
/// the sweep of the amount to the master followed by the master's withdrawal (subaccounts cannot withdraw).
/// </summary>
public static class TreasuryPlanner
{
    /// <summary>
    /// The steps of <paramref name="request"/>. <paramref name="available"/> is what the source account may move, per
    /// Spot asset id (checked against the amount; for a sweep it sets the amounts). An empty plan: nothing to do.
    /// </summary>
    /// <exception cref="TreasuryPlanException">The request names an unknown account, a bad amount, or more than the balance.</exception>
    public static ImmutableArray<TreasuryStep> Plan(FleetManifest manifest, TreasuryRequest request, IReadOnlyDictionary<string, decimal> available)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(available);
        var master = manifest.Master.Name;
        CheckAccount(manifest, request.From, "--from");
        var legs = new List<(TreasuryStepKind Kind, string From, string To, string Asset, decimal Amount)>();
        switch (request.Kind)
        {
            case TreasuryOperationKind.Transfer:
                CheckAccount(manifest, request.To, "--to");
                if (request.From == request.To)
                {
                    throw new TreasuryPlanException($"--from and --to are both '{request.From}': name two different accounts");
                }

                var asset = RequireAsset(request);
                var amount = RequireAmount(request, available, asset);
                legs.AddRange(ToMaster(manifest, request.From, asset, amount));
                legs.AddRange(FromMaster(manifest, request.To, asset, amount));
                break;
            case TreasuryOperationKind.Sweep:
                if (manifest.IsMaster(request.From))
                {
                    throw new TreasuryPlanException($"--from '{request.From}' is the master: sweep moves a subaccount's funds to the master; name a subaccount ({Subaccounts(manifest)})");
                }

                if (request.Keep is < 0m)
                {
                    throw new TreasuryPlanException($"--keep {request.Keep} is negative: give the amount to leave in {request.From}, zero or more");
                }

                if (request.Asset is null && request.Keep is not null)
                {
                    throw new TreasuryPlanException("--keep needs --asset: the amount to leave is per asset");
                }

                foreach (var (a, held) in available.Where(b => request.Asset is null || b.Key == request.Asset).OrderBy(b => b.Key, StringComparer.Ordinal))
                {
                    var sweep = held - (request.Keep ?? 0m);
                    if (sweep > 0m)
                    {
                        legs.AddRange(ToMaster(manifest, request.From, a, sweep));
                    }
                }

                break;
            default:
                var withdrawAsset = RequireAsset(request);
                var withdrawAmount = RequireAmount(request, available, withdrawAsset);
                if (string.IsNullOrWhiteSpace(request.To))
                {
                    throw new TreasuryPlanException("--key is missing: name the withdrawal key (as set up on the master's Kraken account)");
                }

                legs.AddRange(ToMaster(manifest, request.From, withdrawAsset, withdrawAmount));
                legs.Add((TreasuryStepKind.Withdrawal, master, request.To, withdrawAsset, withdrawAmount));
                break;
        }

        return [.. legs.Select((l, i) => new TreasuryStep(i + 1, l.Kind, l.From, l.To, l.Asset, l.Amount))];
    }

    private static IEnumerable<(TreasuryStepKind, string, string, string, decimal)> ToMaster(FleetManifest manifest, string account, string asset, decimal amount)
    {
        var master = manifest.Master.Name;
        if (manifest.IsMaster(account))
        {
            yield break;
        }

        if (manifest.FindSubaccount(account)!.Venue == Venue.Futures)
        {
            yield return (TreasuryStepKind.FuturesSubaccountTransfer, account, master, asset, amount);
            yield return (TreasuryStepKind.FuturesToSpot, master, master, asset, amount);
        }
        else
        {
            yield return (TreasuryStepKind.SpotTransfer, account, master, asset, amount);
        }
    }

    private static IEnumerable<(TreasuryStepKind, string, string, string, decimal)> FromMaster(FleetManifest manifest, string account, string asset, decimal amount)
    {
        var master = manifest.Master.Name;
        if (manifest.IsMaster(account))
        {
            yield break;
        }

        if (manifest.FindSubaccount(account)!.Venue == Venue.Futures)
        {
            yield return (TreasuryStepKind.SpotToFutures, master, master, asset, amount);
            yield return (TreasuryStepKind.FuturesSubaccountTransfer, master, account, asset, amount);
        }
        else
        {
            yield return (TreasuryStepKind.SpotTransfer, master, account, asset, amount);
        }
    }

    private static void CheckAccount(FleetManifest manifest, string account, string option)
    {
        if (!manifest.IsMaster(account) && manifest.FindSubaccount(account) is null)
        {
            throw new TreasuryPlanException($"{option} '{account}' is not an account of {Path.GetFileName(manifest.SourceFile)}: use {manifest.Master.Name} (the master) or a subaccount ({Subaccounts(manifest)})");
        }
    }

    private static string RequireAsset(TreasuryRequest request) =>
        request.Asset ?? throw new TreasuryPlanException("--asset is missing: name the Spot asset id, e.g. --asset ZUSD");

    private static decimal RequireAmount(TreasuryRequest request, IReadOnlyDictionary<string, decimal> available, string asset)
    {
        if (request.Amount is not { } amount || amount <= 0m)
        {
            throw new TreasuryPlanException($"--amount {request.Amount?.ToString(CultureInfo.InvariantCulture) ?? "(missing)"} must be more than zero");
        }

        var held = available.GetValueOrDefault(asset);
        return amount <= held
            ? amount
            : throw new TreasuryPlanException(string.Create(CultureInfo.InvariantCulture, $"--amount {amount} {asset} is more than {request.From} holds available ({held} {asset})"));
    }

    private static string Subaccounts(FleetManifest manifest) => string.Join(", ", manifest.Subaccounts.Select(s => s.Name));
}
