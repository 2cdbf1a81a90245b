using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Claims;
using Scrubber.Core.Mue;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs;
using Scrubber.Core.Packs.Documents;

namespace Scrubber.Core.Scrubbing;

/// <summary>Scrubs a claim: the NCCI PTP tables under the payer's policy (on the claim and against lines already sent),
/// then MUE units and add-on codes, then duplicates and same-day visits, then global surgery periods, then the payer
/// pack's own rules.</summary>
/// <remarks>Takes the snapshots it is given and nothing else, so a request keeps the tables and packs it started
/// with while a new version is swapped in. A cancelled call stops between phases and between pack rules, and while it
/// waits for its costly pack's gate.</remarks>
/// <param name="options">The scrub settings.</param>
/// <param name="budget">How long a pack's rules may run on one claim; none when null.</param>
/// <param name="gate">How many claims of one costly pack <see cref="ScrubAsync"/> evaluates at once; none when null.</param>
public sealed class ClaimScrubber(ScrubOptions options, PackBudget? budget = null, PackEvaluationGate? gate = null)
{
    /// <summary>How long a pack's rules may run on one claim.</summary>
    public PackBudget Budget { get; } = budget ?? PackBudget.Unlimited;

    /// <summary>How many claims of one costly pack have their rules evaluated at once.</summary>
    public PackEvaluationGate Gate { get; } = gate ?? PackEvaluationGate.None;

    /// <summary>The same scrubber without a time budget, for a pack's examples: whether a pack goes live must not
    /// depend on how busy the machine is while it loads.</summary>
    public ClaimScrubber WithoutBudget() => Budget.IsLimited ? new ClaimScrubber(options) : this;

    /// <summary>Scrubs <paramref name="claim"/> with the pack of its payer, if there is one.</summary>
    /// <exception cref="NcciTableMissingException">The NCCI table the claim needs is not loaded.</exception>
    /// <exception cref="ScrubCancelledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ScrubResult Scrub(Claim claim, NcciSnapshot ncci, PackSet packs, IReadOnlyList<PriorLine>? history = null, IList<RuleTrace>? trace = null,
        CancellationToken cancellationToken = default) =>
        Scrub(claim, ncci, packs.ForPayer(claim.PayerId), history, trace, cancellationToken);

    /// <summary>Scrubs <paramref name="claim"/> with <paramref name="pack"/> (null: NCCI alone), without waiting for
    /// the pack's gate: for scrubs that compete with no other payer's (examples, explain).</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="ncci">The NCCI tables in force.</param>
    /// <param name="pack">The payer's pack, or null.</param>
    /// <param name="history">Lines already sent on earlier claims of the same patient, for NCCI pairs across claims and
    /// the pack's history helpers: in <see cref="HistoryWindow.For(Claim, int)"/>, from <see cref="CompiledPack.HistoryLookBackDays"/>
    /// before the claim when the pack reads history.</param>
    /// <param name="trace">Receives every rule run, for <c>scrubctl rules explain</c>.</param>
    /// <param name="cancellationToken">The call's; checked between phases and before every pack rule.</param>
    /// <exception cref="NcciTableMissingException">The NCCI table the claim needs is not loaded.</exception>
    /// <exception cref="ScrubCancelledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ScrubResult Scrub(Claim claim, NcciSnapshot ncci, CompiledPack? pack, IReadOnlyList<PriorLine>? history = null, IList<RuleTrace>? trace = null,
        CancellationToken cancellationToken = default)
    {
        if (claim.Frequency == ClaimFrequency.Void)
        {
            return Voided(pack);
        }

        var work = ScrubBeforePack(claim, ncci, pack, history, cancellationToken);
        if (pack is not null)
        {
            ScrubCancelledException.ThrowIfCancelled(ScrubPhases.Packs, cancellationToken);
            work.EvaluatePack(pack, options.ProviderScope, Budget, trace, cancellationToken);
        }

        return work.Result(pack);
    }

    /// <summary>Scrubs <paramref name="claim"/> with the pack of its payer, as the service does for its callers: the
    /// rules of a costly pack are evaluated once a place in its <see cref="Gate"/> is free, so its claims never hold
    /// more CPUs than the gate allows while other payers' claims wait.</summary>
    /// <exception cref="NcciTableMissingException">The NCCI table the claim needs is not loaded.</exception>
    /// <exception cref="ScrubCancelledException"><paramref name="cancellationToken"/> was cancelled, also while the
    /// claim waited for a place.</exception>
    public async ValueTask<ScrubResult> ScrubAsync(Claim claim, NcciSnapshot ncci, PackSet packs, IReadOnlyList<PriorLine>? history,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var pack = packs.ForPayer(claim.PayerId);
        if (claim.Frequency == ClaimFrequency.Void)
        {
            return Voided(pack);
        }

        var work = ScrubBeforePack(claim, ncci, pack, history, cancellationToken);
        if (pack is not null)
        {
            ScrubCancelledException.ThrowIfCancelled(ScrubPhases.Packs, cancellationToken);
            using var place = await EnterGateAsync(pack, cancellationToken).ConfigureAwait(false);
            work.EvaluatePack(pack, options.ProviderScope, Budget, null, cancellationToken);
        }

        return work.Result(pack);
    }

    /// <summary>A void asks the payer to take a claim back: nothing on it will be paid or denied, so nothing is edited.</summary>
    private static ScrubResult Voided(CompiledPack? pack) => new(Disposition.Clean, [], []) { Pack = pack?.Source };

    private async ValueTask<PackEvaluationGate.Place> EnterGateAsync(CompiledPack pack, CancellationToken cancellationToken)
    {
        try
        {
            return await Gate.EnterAsync(pack, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new ScrubCancelledException(ScrubPhases.Packs, cancellationToken);
        }
    }

    /// <summary>Every phase before the pack's rules: NCCI pairs on the claim and against history, MUE units, add-on
    /// codes, duplicates and same-day visits.</summary>
    private ScrubWork ScrubBeforePack(Claim claim, NcciSnapshot ncci, CompiledPack? pack, IReadOnlyList<PriorLine>? history, CancellationToken cancellationToken)
    {
        var policy = pack?.PolicyFor(options) ?? ScrubPolicy.FromOptions(options);
        var work = new ScrubWork(claim, history);

        // A pack whose rules read history got the year before the claim in one read; the other phases look back no
        // further than their own window, so they walk the lines in it alone.
        if (pack is { ReadsHistory: true } && history is { Count: > 0 })
        {
            history = InPhaseWindow(claim, history);
        }

        var context = new PairContext(claim.Setting, options.ProviderScope, policy) { ClaimId = claim.ClaimId };
        ScrubCancelledException.ThrowIfCancelled(ScrubPhases.Ncci, cancellationToken);
        if (TablesFor(claim, ncci, pack) is { } tables)
        {
            NcciPtpScrubber.Scrub(claim, tables, context, work.Edits, work.Versions);
            if (history is { Count: > 0 })
            {
                ScrubCancelledException.ThrowIfCancelled(ScrubPhases.CrossClaim, cancellationToken);
                CrossClaimPairs.Scrub(claim, history, tables, context, work.Edits);
            }
        }

        ScrubCancelledException.ThrowIfCancelled(ScrubPhases.Mue, cancellationToken);
        MueEdits.Scrub(claim, MueTablesFor(claim, ncci, pack), history ?? [], context, work.Edits, work.NotEvaluated);
        if (AddOnCodesFor(claim, ncci, pack) is { } addOnCodes)
        {
            AddOnEdits.Scrub(claim, history ?? [], addOnCodes, pack, context, work.Edits);
        }

        DuplicateServices.Scrub(claim, history ?? [], context, work.Edits);
        if (ncci.Pfs is { } pfs)
        {
            GlobalSurgery.Scrub(claim, history ?? [], pfs, options.GlobalScope, context, work.Edits);
        }

        return work;
    }

    /// <summary>The sent lines in the window the phases before the pack read (<see cref="HistoryWindow.For(Claim, int)"/> without a pack's look-back).</summary>
    private static List<PriorLine> InPhaseWindow(Claim claim, IReadOnlyList<PriorLine> history)
    {
        var window = HistoryWindow.For(claim);
        var lines = new List<PriorLine>(history.Count);
        foreach (var line in history)
        {
            if (window.Contains(line.Line.ServiceDate))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>The add-on code edits, for practitioner and outpatient hospital claims unless the pack turns NCCI off.
    /// There is one add-on code file, CMS's, so Medicaid packs are edited with it too.</summary>
    private static AddOnCodeTableSet? AddOnCodesFor(Claim claim, NcciSnapshot ncci, CompiledPack? pack) =>
        pack?.NcciTable == NcciTableChoice.None || claim.Setting == CareSetting.Dme ? null : ncci.AddOnCodes;

    /// <summary>The MUE table the claim's lines are edited with: of the pack's program (Medicare without a pack), the
    /// one of the table the pack chose, else of the claim's setting; DME claims always the DME supplier table. None
    /// when the pack turns NCCI off. A Medicaid table not loaded is not replaced by Medicare's: its lines are "not
    /// evaluated", since the two programs' values differ (domain.md §1.5).</summary>
    private static MueTableSet? MueTablesFor(Claim claim, NcciSnapshot ncci, CompiledPack? pack)
    {
        var mue = ncci.MueFor(pack?.NcciProgram ?? NcciProgram.Medicare);
        return (pack?.NcciTable ?? NcciTableChoice.ClaimSetting) switch
        {
            NcciTableChoice.None => null,
            _ when claim.Setting == CareSetting.Dme => mue.Dme,
            NcciTableChoice.Practitioner => mue.Practitioner,
            NcciTableChoice.OutpatientHospital => mue.OutpatientHospital,
            _ => mue.For(claim.Setting),
        };
    }

    private static NcciTableSet? TablesFor(Claim claim, NcciSnapshot ncci, CompiledPack? pack)
    {
        var choice = pack?.NcciTable ?? NcciTableChoice.ClaimSetting;
        // NCCI has no PTP table for DME suppliers: their claims get MUE edits only.
        if (choice == NcciTableChoice.None || claim.Setting == CareSetting.Dme)
        {
            return null;
        }

        var kind = choice switch
        {
            NcciTableChoice.Practitioner => NcciTableKind.Practitioner,
            NcciTableChoice.OutpatientHospital => NcciTableKind.OutpatientHospital,
            _ => claim.Setting == CareSetting.OutpatientHospital ? NcciTableKind.OutpatientHospital : NcciTableKind.Practitioner,
        };
        var program = pack?.NcciProgram ?? NcciProgram.Medicare;
        return ncci.For(program, kind) ?? throw new NcciTableMissingException(program, kind);
    }
}
