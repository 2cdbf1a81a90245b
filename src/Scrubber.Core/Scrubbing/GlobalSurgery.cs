using System.Globalization;
using Scrubber.Core.Claims;
using Scrubber.Core.Pfs;

namespace Scrubber.Core.Scrubbing;

/// <summary>Global surgery periods (domain.md §5): a visit or procedure by the surgeon inside the period of a surgery
/// on the claim or already sent (GLOBAL_PERIOD), and a global-period modifier with no surgery to give it meaning
/// (MODIFIER_WITHOUT_CONTEXT).</summary>
/// <remarks>
/// A surgery is a line whose code has a period of its own in the fee schedule RVU file in force on its date: 000 (the
/// day), 010 (the day and 10 after), 090 (the day before, the day and 90 after), or a YYY code the payer's pack gives
/// one. MMM, XXX and ZZZ codes start none: maternity has its own package, the concept does not apply, and an add-on
/// lives inside its primary's period. A procedure marked 78 starts no new period (CMS: the return to the operating room
/// belongs to the first surgery's), while 58 and 79 do. Only professional claims are edited: the period is a rule of
/// the physician fee schedule.
/// </remarks>
internal static class GlobalSurgery
{
    public const string Source = "scrubber/global-surgery";

    /// <summary>Adds the global surgery edits of <paramref name="claim"/>'s lines.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="history">Lines already sent for the patient, in the claim's <see cref="HistoryWindow"/>.</param>
    /// <param name="pfs">The fee schedule releases.</param>
    /// <param name="scope">Who counts as the surgeon's same physician.</param>
    /// <param name="context">The claim's id and policy.</param>
    /// <param name="edits">Receives the edits.</param>
    public static void Scrub(Claim claim, IReadOnlyList<PriorLine> history, PfsTableSet pfs, GlobalScope scope, in PairContext context, List<Edit> edits)
    {
        if (claim.Setting != CareSetting.Professional)
        {
            return;
        }

        var surgeries = SurgeriesOf(claim, history, pfs, scope, context.Policy);
        foreach (var line in claim.Lines)
        {
            var days = DaysOf(line, pfs, context.Policy);
            if (days == GlobalDays.WithinAnotherService)
            {
                // An add-on follows its primary: the primary's line carries the edit and the modifier.
                continue;
            }

            var physician = PhysicianOf(claim, line, scope);
            if (line.Code.IsEvaluationAndManagement)
            {
                Visit(line, physician, surgeries, context, edits);
            }
            else if (days.PostOperativeDays() is not null)
            {
                Procedure(line, physician, surgeries, context, edits);
            }

            WithoutContext(line, physician, surgeries, edits);
        }
    }

    /// <summary>A visit inside a period needs 25 on the day of a 000 or 010 procedure, 57 on the day before or of a
    /// 090 procedure when it is the decision to operate (25 also on its day: a significant, separate problem), and 24
    /// after the day of surgery when unrelated. Without it the visit is paid with the surgery.</summary>
    private static void Visit(ClaimLine line, string physician, List<Surgery> surgeries, in PairContext context, List<Edit> edits)
    {
        foreach (var surgery in surgeries)
        {
            if (!surgery.Covers(line.ServiceDate) || !surgery.By(physician) || surgery.Is(line) || AlreadyEdited(edits, line, surgery))
            {
                continue;
            }

            var (needed, accepted) = VisitModifiers(surgery, line.ServiceDate);
            if (accepted.Any(line.HasModifier))
            {
                continue;
            }

            edits.Add(VisitEdit(line, surgery, needed, context));
            return;
        }
    }

    private static (string Needed, string[] Accepted) VisitModifiers(Surgery surgery, DateOnly visit) =>
        visit > surgery.Date ? ("24", ["24"])
        : surgery.Days == GlobalDays.Ninety ? ("57", visit == surgery.Date ? ["57", "25"] : ["57"])
        : ("25", ["25"]);

    /// <summary>A procedure with a period of its own, after the day of another surgery and inside its period, needs
    /// 58 (staged or related), 78 (return to the operating room) or 79 (unrelated); which comes first follows from the
    /// codes and the sides.</summary>
    private static void Procedure(ClaimLine line, string physician, List<Surgery> surgeries, in PairContext context, List<Edit> edits)
    {
        if (line.Modifiers.Any(m => m is "58" or "78" or "79"))
        {
            return;
        }

        foreach (var surgery in surgeries)
        {
            if (line.ServiceDate > surgery.Date && surgery.Covers(line.ServiceDate) && surgery.By(physician) && !surgery.Is(line) &&
                !AlreadyEdited(edits, line, surgery))
            {
                edits.Add(ProcedureEdit(line, surgery, context));
                return;
            }
        }
    }

    /// <summary>24, 58, 78 or 79 with no period of the same physician in force after its day of surgery, or 57 with no
    /// 090 procedure on the day or the day after: a WARNING for a person, since the surgery may predate the history the
    /// service keeps or be billed later. A modifier invalid on the code is MODIFIER_INVALID's, not this edit's.</summary>
    private static void WithoutContext(ClaimLine line, string physician, List<Surgery> surgeries, List<Edit> edits)
    {
        foreach (var modifier in line.Modifiers)
        {
            if (!ModifierValidity.IsValidOn(modifier, line.Code))
            {
                continue;
            }

            var inContext = modifier switch
            {
                "24" or "58" or "78" or "79" => surgeries.Exists(s => line.ServiceDate > s.Date && s.Covers(line.ServiceDate) && s.By(physician) && !s.Is(line)),
                "57" => surgeries.Exists(s => s.Days == GlobalDays.Ninety && s.By(physician) &&
                                              (s.Date == line.ServiceDate || s.Date == line.ServiceDate.AddDays(1))),
                _ => true,
            };
            if (!inContext)
            {
                edits.Add(WithoutContextEdit(line, modifier, surgeries.Exists(s => s.By(physician) && s.Date == line.ServiceDate)));
            }
        }
    }

    /// <summary>Whether an NCCI edit already names this pair of lines: its rationale and modifier advice cover the
    /// same visit, and one edit says it better than two.</summary>
    private static bool AlreadyEdited(List<Edit> edits, ClaimLine line, Surgery surgery) =>
        edits.Exists(e => e.EditType is EditTypes.NcciPtp or EditTypes.NcciPtpBypassed &&
                          string.Equals(e.RelatedClaimId, surgery.ClaimId, StringComparison.Ordinal) &&
                          ((e.LineId == line.LineId && e.RelatedLineId == surgery.Line.LineId) ||
                           (surgery.ClaimId is null && e.LineId == surgery.Line.LineId && e.RelatedLineId == line.LineId)));

    private static List<Surgery> SurgeriesOf(Claim claim, IReadOnlyList<PriorLine> history, PfsTableSet pfs, GlobalScope scope, ScrubPolicy policy)
    {
        // Most claims start no period and follow none: they allocate nothing here.
        List<Surgery>? surgeries = null;
        foreach (var line in claim.Lines)
        {
            if (StartsPeriod(line, pfs, policy) is { } days)
            {
                (surgeries ??= []).Add(new Surgery(line, null, days, PhysicianOf(claim, line, scope)));
            }
        }

        foreach (var prior in history)
        {
            if (StartsPeriod(prior.Line, pfs, policy) is { } days)
            {
                (surgeries ??= []).Add(new Surgery(prior.Line, prior.ClaimId, days, PhysicianOf(prior, scope)));
            }
        }

        // The latest surgery first: the one a coder would name.
        surgeries?.Sort((a, b) => b.Date.CompareTo(a.Date));
        return surgeries ?? None;
    }

    /// <summary>The surgeries of a claim that has none; never added to.</summary>
    private static readonly List<Surgery> None = [];

    private static GlobalDays? StartsPeriod(ClaimLine line, PfsTableSet pfs, ScrubPolicy policy) =>
        !line.HasModifier("78") && DaysOf(line, pfs, policy) is var days && days.PostOperativeDays() is not null ? days : null;

    /// <summary>The code's period on the line's date: the fee schedule's, or the payer's for a YYY code.</summary>
    private static GlobalDays DaysOf(ClaimLine line, PfsTableSet pfs, ScrubPolicy policy)
    {
        if (!pfs.For(line.ServiceDate).TryGet(line.Code, out var entry))
        {
            return GlobalDays.NotApplicable;
        }

        return entry.GlobalDays == GlobalDays.CarrierSet
            ? policy.CarrierGlobalDays.GetValueOrDefault(line.Code, GlobalDays.CarrierSet)
            : entry.GlobalDays;
    }

    /// <summary>Who performed the line, under <paramref name="scope"/>: the rendering NPI (the billing NPI when the line
    /// has none), or the billing NPI with the rendering provider's specialty.</summary>
    private static string PhysicianOf(Claim claim, ClaimLine line, GlobalScope scope) =>
        scope == GlobalScope.GroupSpecialty
            ? $"{claim.BillingProviderNpi}|{line.RenderingProviderTaxonomy}"
            : LinePairing.ProviderOf(claim, line, ProviderScope.RenderingNpi);

    private static string PhysicianOf(PriorLine prior, GlobalScope scope) =>
        scope == GlobalScope.GroupSpecialty
            ? $"{prior.BillingProviderNpi}|{prior.Line.RenderingProviderTaxonomy}"
            : LinePairing.ProviderOf(prior, ProviderScope.RenderingNpi);

    private static Edit VisitEdit(ClaimLine line, Surgery surgery, string needed, in PairContext context)
    {
        var when = line.ServiceDate == surgery.Date ? "on the day of"
            : line.ServiceDate < surgery.Date ? "the day before"
            : $"{line.ServiceDate.DayNumber - surgery.Date.DayNumber} days after";
        var advice = needed switch
        {
            "24" => $"Visits for the surgery and its recovery are paid with it. If this visit was for a problem unrelated to the surgery, add 24 " +
                    $"(with the diagnosis that shows it); otherwise remove line {line.LineId}.",
            "57" => $"A visit then is part of the major surgery's package unless it was the visit at which the decision to operate was made: then add 57; " +
                    $"otherwise remove line {line.LineId}.",
            _ => $"A visit on the day of a minor procedure is included in it unless it was significant and separately identifiable: then add 25 " +
                 $"(documented apart from the procedure's own evaluation); otherwise remove line {line.LineId}.",
        };
        var message = $"{line.Code} on line {line.LineId} ({Date(line.ServiceDate)}) is {when} {surgery.Describe()}, inside {surgery.Period()}, by the same physician. {advice}";
        return new Edit(EditTypes.GlobalPeriod, context.Policy.GlobalPeriodSeverity, line.LineId, surgery.Line.LineId, surgery.Line.Code.ToString(),
            line.Code.ToString(), null, [new SuggestedModifier(needed, line.LineId, Reason(needed)) { ClaimId = context.ClaimId }], message, Source)
        {
            Action = RecommendedAction.AddModifier,
            RelatedClaimId = surgery.ClaimId,
        };
    }

    private static Edit ProcedureEdit(ClaimLine line, Surgery surgery, in PairContext context)
    {
        var order = ProcedureModifierOrder(line, surgery);
        var claimId = context.ClaimId;
        var days = line.ServiceDate.DayNumber - surgery.Date.DayNumber;
        var why = order[0] switch
        {
            "79" when SidesDiffer(line, surgery.Line) => "The two lines are on different sides, which points to an unrelated procedure (79).",
            "79" => $"{line.Code} and {surgery.Line.Code} are in different surgical sections of CPT, which points to an unrelated procedure (79).",
            _ when line.Code == surgery.Line.Code => $"It repeats {surgery.Line.Code}: 58 if it was planned or staged at the first surgery, " +
                                                    "78 if it is an unplanned return to the operating room for a complication.",
            _ when SurgicalSections.Same(line.Code, surgery.Line.Code) is true =>
                $"{line.Code} and {surgery.Line.Code} are in the same surgical section of CPT, which points to a staged or related procedure (58), " +
                "or an unplanned return to the operating room (78).",
            _ => "The codes do not tell which: 58 if planned or staged, 78 for an unplanned return to the operating room, 79 if unrelated.",
        };
        var message = $"{line.Code} on line {line.LineId} ({Date(line.ServiceDate)}) is {days} days after {surgery.Describe()}, inside {surgery.Period()}, by the same physician. " +
                      $"A procedure in a postoperative period is paid only with the modifier that says why: 58 staged or related, 78 unplanned return to the " +
                      $"operating room, 79 unrelated. {why}";
        return new Edit(EditTypes.GlobalPeriod, context.Policy.GlobalPeriodSeverity, line.LineId, surgery.Line.LineId, surgery.Line.Code.ToString(),
            line.Code.ToString(), null, [.. order.Select(m => new SuggestedModifier(m, line.LineId, Reason(m)) { ClaimId = claimId })], message, Source)
        {
            Action = RecommendedAction.AddModifier,
            RelatedClaimId = surgery.ClaimId,
        };
    }

    /// <summary>79 first when the sides differ or the codes are in different surgical sections of CPT; else 58, then
    /// 78, then 79.</summary>
    private static string[] ProcedureModifierOrder(ClaimLine line, Surgery surgery) =>
        SidesDiffer(line, surgery.Line) || (line.Code != surgery.Line.Code && SurgicalSections.Same(line.Code, surgery.Line.Code) is false)
            ? ["79", "58", "78"]
            : ["58", "78", "79"];

    private static bool SidesDiffer(ClaimLine a, ClaimLine b) =>
        (a.HasModifier("RT") && b.HasModifier("LT")) || (a.HasModifier("LT") && b.HasModifier("RT"));

    private static Edit WithoutContextEdit(ClaimLine line, string modifier, bool surgeryThatDay)
    {
        var message = modifier == "57"
            ? $"57 on line {line.LineId} ({line.Code}, {Date(line.ServiceDate)}) says this visit was the decision for major surgery, but no 090-day procedure " +
              $"by the same physician is on the claim or already sent for that day or the next." +
              (surgeryThatDay ? " With a minor procedure (000 or 010 days) that day, a separately identifiable visit takes 25, not 57." : string.Empty) +
              " If the surgery is billed later or elsewhere, keep the record that shows the decision; otherwise remove 57."
            : $"{modifier} on line {line.LineId} ({line.Code}, {Date(line.ServiceDate)}) says it falls in the postoperative period of a surgery by the same " +
              $"physician, but no global period is in force on that day in the claim or the lines already sent. If the surgery predates the history " +
              $"the service keeps ({HistoryWindow.DaysBack} days) or was billed elsewhere, keep the record that shows it; otherwise remove {modifier}.";
        return new Edit(EditTypes.ModifierWithoutContext, Severity.Warning, line.LineId, string.Empty, string.Empty, string.Empty, null, [], message, Source)
        {
            Action = RecommendedAction.Review,
        };
    }

    private static string Reason(string modifier) => $"The record shows {ModifierAdvisor.WhatItAttests(modifier)}.";

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A line that starts a global period.</summary>
    /// <param name="Line">The surgery's line.</param>
    /// <param name="ClaimId">The earlier claim it was sent on, or null for a line of the claim scrubbed.</param>
    /// <param name="Days">Its period: 000, 010 or 090.</param>
    /// <param name="Physician">Who performed it, under the scope in force.</param>
    private sealed record Surgery(ClaimLine Line, string? ClaimId, GlobalDays Days, string Physician)
    {
        public DateOnly Date => Line.ServiceDate;

        /// <summary>The first day of the period: the day before a 090 surgery, else its day.</summary>
        public DateOnly Start => Days == GlobalDays.Ninety ? Date.AddDays(-1) : Date;

        /// <summary>The last day of the period.</summary>
        public DateOnly End => Date.AddDays(Days.PostOperativeDays() ?? 0);

        public bool Covers(DateOnly day) => day >= Start && day <= End;

        public bool By(string physician) => string.Equals(Physician, physician, StringComparison.Ordinal);

        /// <summary>Whether <paramref name="line"/> is this surgery's own line (by reference: line ids may collide across claims).</summary>
        public bool Is(ClaimLine line) => ReferenceEquals(Line, line);

        /// <summary>"27447 (line 1 of claim K-1, already sent, on 2026-07-10)".</summary>
        public string Describe() =>
            $"{Line.Code} (line {Line.LineId}" + (ClaimId is null ? string.Empty : $" of claim {ClaimId}, already sent") + $", on {GlobalSurgery.Date(Date)})";

        /// <summary>"its 090-day global period (2026-07-09 to 2026-10-08)".</summary>
        public string Period() => $"its {GlobalDaysText.Of(Days)}-day global period ({GlobalSurgery.Date(Start)} to {GlobalSurgery.Date(End)})";
    }
}
