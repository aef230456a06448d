using Bulkhead.Fleet.Audit;

namespace Bulkhead.Dashboard.Sources;

/// <summary>
/// The audit (FleetAuditor over the manifest and, when there is one, the call journal's usage), run again when older
/// than <see cref="DashboardOptions.AuditInterval"/>. Reading a long call journal is not free (every signed call of the
/// fleet is a line), so only the first audit runs inline; later ones run in the background while documents carry the
/// last result — a document never waits for the audit, as it never waits for the exchange.
/// </summary>
internal sealed class AuditSource(DashboardOptions options, string environment)
{
    private readonly Lock _lock = new();
    private Reading<AuditRun>? _last;
    private long _ranAt;
    private bool _running;

    public Reading<AuditRun> Current()
    {
        lock (_lock)
        {
            if (_last is { } last)
            {
                if (!_running && options.Time.GetElapsedTime(_ranAt) >= options.AuditInterval)
                {
                    _running = true;
                    _ranAt = options.Time.GetTimestamp();
                    _ = Task.Run(Refresh);
                }

                return last;
            }
        }

        var first = Run();
        lock (_lock)
        {
            if (_last is null)
            {
                _last = first;
                _ranAt = options.Time.GetTimestamp();
            }

            return _last.Value;
        }
    }

    private void Refresh()
    {
        Reading<AuditRun> result;
        try
        {
            result = Run();
        }
#pragma warning disable CA1031 // a background audit that fails for any reason is reported in the document, not lost
        catch (Exception ex)
#pragma warning restore CA1031
        {
            result = Reading<AuditRun>.Failed($"audit: {ex.GetType().Name}: {ex.Message}");
        }

        lock (_lock)
        {
            _last = result;
            _running = false;
        }
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
