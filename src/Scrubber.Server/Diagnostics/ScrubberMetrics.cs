using System.Diagnostics.Metrics;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Server.Diagnostics;

/// <summary>The service's one meter: claims scrubbed by disposition, scrub duration, invalid claims, rule faults, pack
/// budgets exceeded and scrubs stopped by their call.</summary>
internal sealed class ScrubberMetrics
{
    public const string MeterName = "Scrubber";

    private readonly Counter<long> _claimsScrubbed;
    private readonly Histogram<double> _scrubDuration;
    private readonly Counter<long> _claimsInvalid;
    private readonly Counter<long> _ruleFaults;
    private readonly Counter<long> _packsRejected;
    private readonly Counter<long> _budgetsExceeded;
    private readonly Counter<long> _scrubsStopped;

    public ScrubberMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _claimsScrubbed = meter.CreateCounter<long>("scrubber.claims.scrubbed", "{claim}", "Claims scrubbed, by disposition.");
        _scrubDuration = meter.CreateHistogram<double>("scrubber.scrub.duration", "s", "Time to scrub one claim, in seconds.");
        _claimsInvalid = meter.CreateCounter<long>("scrubber.claims.invalid", "{claim}", "Claims rejected as INVALID_ARGUMENT.");
        _ruleFaults = meter.CreateCounter<long>("scrubber.rules.faults", "{fault}", "Payer rules that threw while running.");
        _packsRejected = meter.CreateCounter<long>("scrubber.packs.rejected", "{pack}",
            "Pack loads refused (bad file, failing example): the previous version, if any, stays live. Tagged with the pack id.");
        _budgetsExceeded = meter.CreateCounter<long>("scrubber.packs.budget_exceeded", "{claim}", "Claims whose pack ran past its evaluation budget, by pack.");
        _scrubsStopped = meter.CreateCounter<long>("scrubber.scrubs.stopped", "{scrub}", "Scrubs stopped because their call was cancelled or its deadline passed, by the phase they stopped before.");
    }

    public void Scrubbed(Disposition disposition, TimeSpan elapsed)
    {
        _claimsScrubbed.Add(1, new KeyValuePair<string, object?>("disposition", disposition.ToString()));
        _scrubDuration.Record(elapsed.TotalSeconds);
    }

    public void Invalid() => _claimsInvalid.Add(1);

    public void RuleFault() => _ruleFaults.Add(1);

    public void PackRejected(string packId) => _packsRejected.Add(1, new KeyValuePair<string, object?>("pack", packId));

    public void BudgetExceeded(string pack) => _budgetsExceeded.Add(1, new KeyValuePair<string, object?>("pack", pack));

    public void Stopped(string phase) => _scrubsStopped.Add(1, new KeyValuePair<string, object?>("phase", phase));
}
