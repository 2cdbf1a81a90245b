using System.Collections.Immutable;
using System.Globalization;
using Scrubber.Core.Claims;
using Scrubber.Core.Mue;

namespace Scrubber.Core.Scrubbing;

/// <summary>Medically unlikely edits: each line's units, or each day's units of a code, against the code's MUE in the
/// table for the claim's setting (domain.md §3).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>MUE 0: the code is not payable in the setting (MUE_NOT_PAYABLE).</item>
/// <item>MAI 1: a line over the value is denied whole.</item>
/// <item>MAI 2 and 3: the units of the code for the patient, provider and date are summed across the claim and the
/// claims already sent; over the value, every unit that day is denied. MAI 2 is policy and final; MAI 3 clinical, and
/// records may support more on appeal.</item>
/// <item>A line that spans days has its units divided by the days and rounded to the nearest whole number, as the
/// manual says, and counts that many on each day of its span.</item>
/// <item>A code missing from the file may still have a confidential MUE, so it is reported as not evaluated, never as
/// passed.</item>
/// </list>
/// Units denied by an MUE cannot be billed to the patient, even with an ABN: every message says so.
/// </remarks>
internal static class MueEdits
{
    /// <summary>Edits every line with the MUE table of the claim's setting; lines it has no row for (or every line,
    /// when no table is configured) go to <paramref name="notEvaluated"/>.</summary>
    public static void Scrub(Claim claim, MueTableSet? tables, IReadOnlyList<PriorLine> history, in PairContext context, List<Edit> edits, List<string> notEvaluated)
    {
        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var table = tables?.For(line.ServiceDate);
            if (table is null || !table.TryGet(line.Code, out var entry))
            {
                notEvaluated.Add(line.LineId);
                continue;
            }

            var version = table.Info.Version;
            if (entry.Value == 0)
            {
                edits.Add(NotPayable(line, entry, version, context.Setting));
            }
            else if (entry.Indicator == MueAdjudicationIndicator.Line)
            {
                var units = UnitsPerDay(line);
                if (units > entry.Value)
                {
                    edits.Add(LineOver(line, entry, version, units, context.ClaimId));
                }
            }
            else if (DayOver(claim, i, entry, history, context) is { } day)
            {
                edits.Add(DayTotalOver(line, entry, version, day));
            }
        }
    }

    /// <summary>The units a line counts on each day it covers: all of them for a line of one day, else the units
    /// divided by the days, rounded to the nearest whole number.</summary>
    public static double UnitsPerDay(ClaimLine line) =>
        line.Days == 1 ? line.Units : Math.Round(line.Units / line.Days, MidpointRounding.AwayFromZero);

    /// <summary>The first day of the line's span on which the code's units for the patient and provider exceed the
    /// MUE, with the total and another line counted in it; null when no day does.</summary>
    private static DayTotal? DayOver(Claim claim, int index, MueEntry entry, IReadOnlyList<PriorLine> history, in PairContext context)
    {
        var line = claim.Lines[index];
        // Counted, not walked to the day after the last: that day may not exist (9999-12-31).
        for (var d = 0; d < line.Days; d++)
        {
            var day = line.ServiceDate.AddDays(d);
            double total = 0;
            ClaimLine? other = null;
            PriorLine? sent = null;
            foreach (var candidate in claim.Lines)
            {
                if (candidate.Code == line.Code && candidate.Covers(day) && LinePairing.SameProvider(claim, line, candidate, context.Scope))
                {
                    total += UnitsPerDay(candidate);
                    other ??= ReferenceEquals(candidate, line) ? null : candidate;
                }
            }

            foreach (var prior in history)
            {
                if (prior.Line.Code == line.Code && prior.Line.ServiceDate == day && prior.ClaimId != claim.ClaimId &&
                    LinePairing.SameProvider(claim, line, prior, context.Scope))
                {
                    total += prior.Line.Units;
                    sent ??= prior;
                }
            }

            if (total > entry.Value)
            {
                return new DayTotal(day, total, other, sent);
            }
        }

        return null;
    }

    private static Edit NotPayable(ClaimLine line, MueEntry entry, string version, CareSetting setting) =>
        Build(line, entry, version, line.Units, Severity.HardStop, RecommendedAction.RemoveLine, [],
            $"{line.Code} on line {line.LineId} is not payable in the {SettingName(setting)} setting: its MUE is 0 ({Rationale(entry)}) in {version}. " +
            "Remove the line, or bill the service as the setting allows. Units denied by an MUE cannot be billed to the patient, even with an ABN.");

    private static Edit LineOver(ClaimLine line, MueEntry entry, string version, double units, string claimId)
    {
        var repeat = RepeatModifiers(line, claimId);
        var fix = repeat.Length == 0
            ? $"Reduce the units to {entry.Value}."
            : "If some units were truly separate services (another session, another site, a repeated test), bill them on another line with the " +
              $"modifier that makes it distinct ({string.Join(", ", repeat.Select(m => m.Modifier))} or an anatomic modifier), only when the record shows it; " +
              $"otherwise reduce the units to {entry.Value}.";
        return Build(line, entry, version, units, Severity.HardStop, RecommendedAction.AdjustUnits, repeat,
            $"{line.Code} on line {line.LineId}: {Units(units)} units{PerDay(line)} exceed the MUE of {entry.Value} per line (MAI 1, {Rationale(entry)}) in {version}, " +
            $"and the whole line will be denied. {fix} Units denied by an MUE cannot be billed to the patient, even with an ABN.");
    }

    private static Edit DayTotalOver(ClaimLine line, MueEntry entry, string version, DayTotal day)
    {
        var counted = day.Other is { } other ? $" (with line {other.LineId}" + (day.Sent is { } s ? $" and line {s.Line.LineId} of claim {s.ClaimId}, already sent)" : ")")
            : day.Sent is { } sent ? $" (with line {sent.Line.LineId} of claim {sent.ClaimId}, already sent)"
            : string.Empty;
        var what = $"{line.Code}: {Units(day.Total)} units on {Date(day.Day)} for this patient and provider{counted} exceed the MUE of {entry.Value} per day";
        var message = entry.Indicator == MueAdjudicationIndicator.DateOfServicePolicy
            ? $"{what} (MAI 2, a policy limit; {Rationale(entry)}) in {version}. Every unit of {line.Code} that day will be denied, and a policy limit cannot be overturned on appeal. " +
              $"Bill no more than {entry.Value} for the day. Units denied by an MUE cannot be billed to the patient, even with an ABN."
            : $"{what} (MAI 3, a clinical limit; {Rationale(entry)}) in {version}. Every unit of {line.Code} that day will be denied. Bill no more than {entry.Value}, " +
              "or, when the medical record documents the medical necessity of more, send them and keep the record: a contractor may allow them on appeal or reopening. " +
              "Units denied by an MUE cannot be billed to the patient, even with an ABN.";
        return Build(line, entry, version, day.Total, Severity.HardStop, RecommendedAction.AdjustUnits, [], message) with
        {
            RelatedLineId = day.Other?.LineId ?? day.Sent?.Line.LineId ?? string.Empty,
            RelatedClaimId = day.Other is null ? day.Sent?.ClaimId : null,
        };
    }

    private static Edit Build(ClaimLine line, MueEntry entry, string version, double units, Severity severity, RecommendedAction action,
        ImmutableArray<SuggestedModifier> suggestions, string message) =>
        new(entry.Value == 0 ? EditTypes.MueNotPayable : EditTypes.MueUnitsExceeded,
            severity, line.LineId, string.Empty, line.Code.ToString(), string.Empty, null, suggestions, message, version)
        {
            Action = action,
            Mue = new MueMatch(line.Code, entry, version, units),
        };

    /// <summary>The modifiers that make a repeated service's line distinct: 91 for a repeated laboratory test, 76 and
    /// XS for another procedure; none for an E/M visit, which is not split.</summary>
    private static ImmutableArray<SuggestedModifier> RepeatModifiers(ClaimLine line, string claimId) =>
        line.Code.IsEvaluationAndManagement ? []
        : line.Code.IsClinicalLab ? [new SuggestedModifier("91", line.LineId, "On another line for the units of a test repeated the same day to obtain a new result.") { ClaimId = claimId }]
        : [
            new SuggestedModifier("76", line.LineId, "On another line for the units of a procedure repeated the same day by the same practitioner.") { ClaimId = claimId },
            new SuggestedModifier("XS", line.LineId, "On another line for the units performed on a separate organ or structure.") { ClaimId = claimId },
        ];

    private static string SettingName(CareSetting setting) => setting switch
    {
        CareSetting.OutpatientHospital => "outpatient hospital",
        CareSetting.Dme => "DME supplier",
        _ => "practitioner",
    };

    private static string Rationale(MueEntry entry) => entry.Rationale.Length > 0 ? $"rationale: {entry.Rationale}" : "no rationale given";

    private static string PerDay(ClaimLine line) =>
        line.Days == 1 ? string.Empty : $" a day ({Units(line.Units)} over the {line.Days} days from {Date(line.ServiceDate)} to {Date(line.ServiceDateEnd!.Value)})";

    private static string Units(double units) => units.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private readonly record struct DayTotal(DateOnly Day, double Total, ClaimLine? Other, PriorLine? Sent);
}
