using Bulkhead.Fleet.Audit;

namespace Bulkhead.Dashboard.Sources;

/// <summary>
/// The audit (FleetAuditor over the manifest and, when there is one, the call journal's usage), run again when older
/// than <see cref="DashboardOptions.AuditInterval"/>. Cheap enough to run inline (no network), but reading a long call
/// journal is not free: hence the interval.
/// </summary>
internal sealed class AuditSource(DashboardOptions options, string environment)
{
    private Reading<AuditRun>? _last;
    private long _ranAt;

    public Reading<AuditRun> Current()
    {
        if (_last is { } last && options.Time.GetElapsedTime(_ranAt) < options.AuditInterval)
        {
            return last;
        }

        _ranAt = options.Time.GetTimestamp();
        _last = Run();
        return _last.Value;
    }

    private Reading<AuditRun> Run()
    {
        try
        {
            var findings = new List<Finding>();
            IReadOnlyList<CallRecord>? usage = null;
            if (options.CallJournalFolder is { } folder && Directory.Exists(folder))
            {
                var (records, problems) = CallJournal.Read(folder);
                usage = records;
                findings.AddRange(problems);
            }

            findings.AddRange(new FleetAuditor(options.Time).Audit(options.Manifest, new AuditOptions { Environment = environment, Usage = usage }));
            return Reading<AuditRun>.Of(new AuditRun([.. findings.OrderBy(f => f.Severity)], options.Time.GetUtcNow()));
        }
        catch (Exception ex) when (Reopening<IDisposable>.IsSourceFailure(ex))
        {
            return Reading<AuditRun>.Failed($"audit: {Reopening<IDisposable>.Describe(ex)}");
        }
    }
}

/// <summary>One audit's findings and when it ran.</summary>
/// <param name="Findings">Errors first.</param>
/// <param name="Time">When.</param>
internal sealed record AuditRun(IReadOnlyList<Finding> Findings, DateTimeOffset Time);
