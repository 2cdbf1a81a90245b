using System.Diagnostics;
using Scrubber.Audit;
using Scrubber.Audit.Scrubs;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Scrubbing;
using Scrubber.Server.Audit;
using Scrubber.Server.Diagnostics;
using Scrubber.Server.Ncci;
using Scrubber.Server.Packs;

namespace Scrubber.Server.Scrubbing;

/// <summary>One scrub, start to finish: take the live tables and packs once, read the patient's history, scrub,
/// and record the scrub durably before anyone is told the answer.</summary>
internal sealed class ScrubPipeline(
    LiveNcciTables tables,
    LivePacks packs,
    ClaimScrubber scrubber,
    AuditStoreHost audit,
    PatientKey patientKey,
    TimeProvider time,
    ScrubberMetrics metrics,
    ILogger<ScrubPipeline> logger)
{
    /// <summary>Scrubs and records <paramref name="claim"/>; returns the scrub id and result.</summary>
    /// <exception cref="ScrubUnavailableException">The tables are still loading, a needed table is not configured,
    /// or the scrub could not be recorded.</exception>
    public async Task<(string ScrubId, ScrubResult Result)> ScrubAsync(Claim claim, CancellationToken cancellationToken)
    {
        var scrubId = Guid.CreateVersion7().ToString();
        try
        {
            return await ScrubAsync(scrubId, claim, cancellationToken).ConfigureAwait(false);
        }
        catch (ScrubCancelledException ex)
        {
            Log.ScrubStopped(logger, scrubId, ex.Phase);
            metrics.Stopped(ex.Phase);
            throw;
        }
    }

    private async Task<(string ScrubId, ScrubResult Result)> ScrubAsync(string scrubId, Claim claim, CancellationToken cancellationToken)
    {
        // A call whose deadline has passed or whose client has gone does no work: nobody would read the answer. The
        // same holds between every phase below and every pack rule, so an expired call stops within one rule.
        ScrubCancelledException.ThrowIfCancelled(ScrubPhases.History, cancellationToken);

        // Both snapshots are read once: a swap during this call does not change what the call scrubs with.
        var ncci = tables.Current ?? throw new ScrubUnavailableException(ScrubUnavailableException.Reason.Loading,
            "The NCCI tables are still loading; retry shortly (grpc.health.v1 reports SERVING when ready).");
        var packSet = packs.Current;
        var started = Stopwatch.GetTimestamp();

        var key = patientKey.Of(claim.PatientId);
        // A void pairs with nothing, and a replacement is paired with history without the claim it replaces. A pack
        // whose rules read history (TimesBilled, …) gets the year before the claim in the same one read.
        var history = claim.Frequency == ClaimFrequency.Void
            ? []
            : audit.Store.History(key, claim.ClaimsItStandsFor, HistoryWindow.For(claim, packSet.ForPayer(claim.PayerId)?.HistoryLookBackDays ?? 0));
        ScrubResult result;
        try
        {
            result = await scrubber.ScrubAsync(claim, ncci, packSet, history, cancellationToken).ConfigureAwait(false);
        }
        catch (NcciTableMissingException ex)
        {
            throw new ScrubUnavailableException(ScrubUnavailableException.Reason.TableMissing, ex.Message);
        }

        foreach (var fault in result.RuleFaults)
        {
            Log.RuleFault(logger, fault.Source, scrubId, fault.Message);
            metrics.RuleFault();
        }

        if (result.Edits.FirstOrDefault(e => e.EditType == EditTypes.PackBudgetExceeded) is { } overBudget)
        {
            Log.PackBudgetExceeded(logger, overBudget.Source, scrubId);
            metrics.BudgetExceeded(result.Pack ?? string.Empty);
        }

        ScrubCancelledException.ThrowIfCancelled(ScrubPhases.Record, cancellationToken);
        try
        {
            await audit.Store.RecordAsync(new ScrubRecord(scrubId, time.GetUtcNow(), claim, key, result), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuditStoreException or AuditWriteException)
        {
            Log.ScrubNotRecorded(logger, ex, scrubId);
            throw new ScrubUnavailableException(ScrubUnavailableException.Reason.NotRecorded,
                $"Scrub {scrubId} could not be recorded, so it is not answered; retry. The error is logged under that id.");
        }

        metrics.Scrubbed(result.Disposition, Stopwatch.GetElapsedTime(started));
        return (scrubId, result);
    }
}
