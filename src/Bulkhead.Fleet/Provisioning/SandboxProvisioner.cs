using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Provisioning.Internal;
using Bulkhead.Fleet.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bulkhead.Fleet.Provisioning;

/// <summary>
/// Makes a sandbox (or UAT) environment match the manifest through the sandbox's admin API: the master and its
/// subaccounts, one key per manifest key with exactly the permissions its role needs (or its declared list), its IP
/// allowlist and expiry, each new secret stored in the secrets file under the key's <c>store:</c> name, and the declared
/// funding. Idempotent: what exists as declared is kept, so a second run changes nothing.
/// </summary>
public sealed class SandboxProvisioner
{
    private readonly FleetManifest _manifest;
    private readonly FleetEnvironment _environment;
    private readonly SandboxAdminClient _admin;
    private readonly SecretsFile _secrets;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a provisioner.</summary>
    /// <param name="manifest">The fleet.</param>
    /// <param name="environment">A sandbox or UAT environment of the manifest.</param>
    /// <param name="admin">Its admin API.</param>
    /// <param name="secrets">The secrets file, opened for update (the caller saves nothing: each new secret is saved at once).</param>
    /// <param name="time">The clock for the secrets' dates.</param>
    /// <param name="logger">A logger (never given a secret).</param>
    public SandboxProvisioner(FleetManifest manifest, FleetEnvironment environment, SandboxAdminClient admin, SecretsFile secrets, TimeProvider time, ILogger<SandboxProvisioner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(time);
        if (environment.Kind == EnvironmentKind.Production)
        {
            throw new ArgumentException($"environment '{environment.Name}' is production: Kraken keys cannot be created by API; run bulkhead plan for the checklist", nameof(environment));
        }

        _manifest = manifest;
        _environment = environment;
        _admin = admin;
        _secrets = secrets;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Replace keys that exist but differ from the manifest (permissions, IP allowlist, expiry); otherwise they are reported as drifted.</summary>
    public bool Recreate { get; init; }

    /// <summary>Provisions everything, in order: accounts, keys, funding, the master's 30-day volume.</summary>
    /// <exception cref="SandboxAdminException">The sandbox refused a call or is unreachable.</exception>
    /// <exception cref="ProvisioningException">The sandbox's state contradicts the manifest in a way provisioning will not fix.</exception>
    public async Task<ProvisionReport> RunAsync(CancellationToken cancellationToken)
    {
        var steps = new List<ProvisionStep>();
        await AccountsAsync(steps, cancellationToken).ConfigureAwait(false);
        foreach (var key in _manifest.Keys.Where(k => k.IsIn(_environment.Name)))
        {
            steps.Add(await KeyAsync(key, cancellationToken).ConfigureAwait(false));
        }

        await FundingAsync(steps, cancellationToken).ConfigureAwait(false);
        await VolumeAsync(steps, cancellationToken).ConfigureAwait(false);
        return new ProvisionReport(_environment.Name, _secrets.Path, [.. steps]);
    }

    private async Task AccountsAsync(List<ProvisionStep> steps, CancellationToken cancellationToken)
    {
        var existing = (await _admin.ListAccountsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var wanted = new List<(string Name, string? Master)> { (_manifest.Master.Name, null) };
        wanted.AddRange(_manifest.Subaccounts.Select(s => (s.Name, (string?)_manifest.Master.Name)));
        foreach (var (name, master) in wanted)
        {
            var subject = $"account {name}";
            if (existing.TryGetValue(name, out var account))
            {
                if (account.Master != master)
                {
                    throw new ProvisioningException(master is null
                        ? $"{subject}: the manifest's master exists on the sandbox as a subaccount of '{account.Master}'; rename the master or reset the sandbox"
                        : $"{subject}: exists on the sandbox {(account.Master is null ? "as a master" : $"under master '{account.Master}'")}, the manifest wants it under '{master}'; rename it or reset the sandbox");
                }

                steps.Add(new(subject, ProvisionAction.Kept, master is null ? "master exists" : $"subaccount of {master} exists"));
                continue;
            }

            await _admin.CreateAccountAsync(name, master, cancellationToken).ConfigureAwait(false);
            ProvisioningLog.AccountCreated(_logger, name, master ?? "-");
            steps.Add(new(subject, ProvisionAction.Created, master is null ? "master created" : $"subaccount of {master} created"));
        }
    }

    private async Task<ProvisionStep> KeyAsync(FleetKey key, CancellationToken cancellationToken)
    {
        var subject = $"key {key.Name}";
        if (!key.Secret.StartsWith(SecretResolver.StorePrefix, StringComparison.Ordinal))
        {
            return new(subject, ProvisionAction.Skipped,
                $"its secret comes from {key.Secret}: provisioning stores store: secrets only; create it with bulkhead sandbox keys create and export the variables");
        }

        var storeName = key.Secret[SecretResolver.StorePrefix.Length..];
        var want = KeyRequests.For(_manifest, key);
        var entry = _secrets.Find(storeName);
        var existing = entry is null
            ? null
            : (await _admin.ListKeysAsync(key.Account, cancellationToken).ConfigureAwait(false)).FirstOrDefault(k => k.Key == entry.ApiKey && k.RevokedAt is null);
        if (existing is not null)
        {
            var differences = KeyRequests.Differences(existing, want);
            if (differences.Count == 0)
            {
                return new(subject, ProvisionAction.Kept, $"{entry!.MaskedApiKey} on {key.Account} matches the manifest ({KeyRequests.Describe(want)})");
            }

            if (!Recreate)
            {
                return new(subject, ProvisionAction.Drifted, $"{entry!.MaskedApiKey} differs from the manifest: {string.Join("; ", differences)}; rerun with --recreate to replace it");
            }
        }

        var created = await _admin.CreateKeyAsync(want, cancellationToken).ConfigureAwait(false);
        try
        {
            if (entry is null)
            {
                _secrets.Add(storeName, created.Key, created.Secret, _time.GetUtcNow());
            }
            else
            {
                _secrets.Rotate(storeName, created.Key, created.Secret, _time.GetUtcNow());
            }

            _secrets.Save();
        }
        catch
        {
            // A key whose secret is lost is useless and a risk: take it back before failing.
            await _admin.RevokeKeyAsync(created.Key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        var masked = SecretEntry.Mask(created.Key);
        ProvisioningLog.KeyCreated(_logger, key.Name, key.Account, masked, storeName);
        if (entry is null)
        {
            return new(subject, ProvisionAction.Created, $"{masked} on {key.Account} ({KeyRequests.Describe(want)}); secret stored as {storeName}");
        }

        await TryRevokeAsync(entry.ApiKey, cancellationToken).ConfigureAwait(false);
        var why = existing is null ? $"the stored key {entry.MaskedApiKey} no longer exists on the sandbox" : $"{entry.MaskedApiKey} differed from the manifest and was revoked";
        return new(subject, ProvisionAction.Replaced, $"{why}; new key {masked} on {key.Account} ({KeyRequests.Describe(want)}); secret stored as {storeName}");
    }

    private async Task FundingAsync(List<ProvisionStep> steps, CancellationToken cancellationToken)
    {
        foreach (var (account, wallet, funding) in FundingPlan.Of(_manifest))
        {
            var deposited = await _admin.DepositedAssetsAsync(account, wallet, cancellationToken).ConfigureAwait(false);
            foreach (var (asset, amount) in funding.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var subject = $"deposit {account} {asset}";
                if (deposited.Contains(asset))
                {
                    steps.Add(new(subject, ProvisionAction.Kept, $"{account} already had a deposit of {asset} ({wallet} wallet)"));
                    continue;
                }

                var booked = await _admin.DepositAsync(account, asset, amount, wallet, cancellationToken).ConfigureAwait(false);
                ProvisioningLog.Deposited(_logger, account, booked, amount);
                steps.Add(new(subject, ProvisionAction.Deposited, $"{amount} {booked} into {account} ({wallet} wallet)"));
            }
        }
    }

    /// <summary>The master's 30-day volume (<c>volume_usd_30d</c>), so the fleet's fee tier sits where the manifest says.</summary>
    private async Task VolumeAsync(List<ProvisionStep> steps, CancellationToken cancellationToken)
    {
        if (_manifest.Master.VolumeUsd30d is not { } volume)
        {
            return;
        }

        var master = _manifest.Master.Name;
        var subject = $"volume {master}";
        var listed = (await _admin.ListAccountsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(a => a.Name == master)?.VolumeUsd30d;
        if (listed == volume)
        {
            steps.Add(new(subject, ProvisionAction.Kept, $"{master}'s 30-day volume is already {volume} USD"));
            return;
        }

        await _admin.SetVolumeAsync(master, volume, cancellationToken).ConfigureAwait(false);
        steps.Add(new(subject, ProvisionAction.Created, $"{master}'s 30-day volume set to {volume} USD (the fleet's fee tier)"));
    }

    private async Task TryRevokeAsync(string apiKey, CancellationToken cancellationToken)
    {
        try
        {
            await _admin.RevokeKeyAsync(apiKey, cancellationToken).ConfigureAwait(false);
        }
        catch (SandboxAdminException e) when (e.Status == 404)
        {
            // Already gone (a reset sandbox).
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"SandboxProvisioner({_manifest.Fleet.Name}, {_environment.Name})";
}
