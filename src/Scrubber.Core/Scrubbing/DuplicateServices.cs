using System.Collections.Frozen;
using System.Globalization;
using Scrubber.Core.Claims;
using Scrubber.Core.CodeSets;

namespace Scrubber.Core.Scrubbing;

/// <summary>The same service billed twice (DUPLICATE_SERVICE, the CARC 18 denial) and two E/M visits of one category on
/// one date (SAME_DAY_EM), within the claim and against claims already sent for the patient.</summary>
/// <remarks>
/// Two lines are the same service when they share the code, the date of service and the provider the claim pairs
/// under, and their modifiers do not tell them apart. 76, 77 (repeat procedure), 91 (repeat laboratory test),
/// 59/XE/XS/XP/XU (distinct service) and the anatomic modifiers do; others, 25 among them, do not. The second line is
/// the duplicate: the payer pays the first and denies the other as CARC 18.
/// </remarks>
internal static class DuplicateServices
{
    public const string Source = "scrubber/duplicates";

    private static readonly FrozenSet<string> Distinguishing =
        NcciModifiers.Anatomic.Concat(["76", "77", "91", "59", "XE", "XS", "XP", "XU"]).ToFrozenSet(StringComparer.Ordinal);

    private static readonly CodeSet AddOns = CodeSetCatalog.Default["add-on-codes"];

    public static void Scrub(Claim claim, IReadOnlyList<PriorLine> history, in PairContext context, List<Edit> edits)
    {
        var lines = claim.Lines;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            bool duplicate = false, sameDayEm = false;
            for (var j = 0; j < i && !(duplicate && sameDayEm); j++)
            {
                if (LinePairing.Pair(claim, lines[j], line, context.Scope))
                {
                    Compare(lines[j], line, context, edits, ref duplicate, ref sameDayEm);
                }
            }

            foreach (var prior in history)
            {
                if (duplicate && sameDayEm)
                {
                    break;
                }

                if (prior.ClaimId != claim.ClaimId && LinePairing.Pair(claim, line, prior, context.Scope))
                {
                    Compare(prior.Line, line, context with { Earlier = prior }, edits, ref duplicate, ref sameDayEm, prior.ClaimId);
                }
            }
        }
    }

    /// <summary>Whether two lines of one code, date and provider are told apart by their modifiers.</summary>
    public static bool Distinct(ClaimLine first, ClaimLine second) =>
        !first.Modifiers.Where(Distinguishing.Contains).Order(StringComparer.Ordinal)
            .SequenceEqual(second.Modifiers.Where(Distinguishing.Contains).Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static void Compare(ClaimLine first, ClaimLine second, in PairContext context, List<Edit> edits,
        ref bool duplicate, ref bool sameDayEm, string? earlierClaim = null)
    {
        if (first.Code == second.Code)
        {
            if (!duplicate && !Distinct(first, second))
            {
                edits.Add(Duplicate(first, second, context) with { RelatedClaimId = earlierClaim });
                duplicate = true;
            }

            return;
        }

        if (!sameDayEm && SameCategory(first.Code, second.Code) is { } category && !PairAlreadyEdited(edits, first, second, earlierClaim))
        {
            edits.Add(SameDayVisit(first, second, category, context) with { RelatedClaimId = earlierClaim });
            sameDayEm = true;
        }
    }

    /// <summary>Whether an NCCI edit already names this pair of lines: NCCI pairs many visits of one category, and one
    /// edit with the table's rationale says it better than two.</summary>
    private static bool PairAlreadyEdited(List<Edit> edits, ClaimLine first, ClaimLine second, string? earlierClaim) =>
        edits.Exists(e => e.EditType == EditTypes.NcciPtp &&
                          string.Equals(e.RelatedClaimId, earlierClaim, StringComparison.Ordinal) &&
                          ((e.LineId == second.LineId && e.RelatedLineId == first.LineId) ||
                           (earlierClaim is null && e.LineId == first.LineId && e.RelatedLineId == second.LineId)));

    /// <summary>The E/M category both codes share, or null. Add-ons (99292 with 99291) and the catch-all "other" are
    /// not visits of a category.</summary>
    private static string? SameCategory(Claims.HcpcsCode first, Claims.HcpcsCode second)
    {
        var category = EvaluationAndManagement.CategoryOf(first);
        return category is null or "other" || AddOns.Contains(first) || AddOns.Contains(second) ||
               !string.Equals(category, EvaluationAndManagement.CategoryOf(second), StringComparison.Ordinal)
            ? null
            : category;
    }

    private static Edit Duplicate(ClaimLine first, ClaimLine second, in PairContext context)
    {
        var repeat = RepeatModifier(second.Code);
        var message =
            $"{second.Code} ({context.Name(second)}) duplicates {first.Code} ({context.Name(first)}): the same code on {Date(second)} by the same " +
            "provider, with no modifier that tells them apart. The payer pays one and denies the other as a duplicate (CARC 18). " +
            (repeat is null
                ? $"Remove line {second.LineId}, or bill the service once with the total units."
                : $"Remove line {second.LineId}, or, if the service was truly repeated, add {repeat} to it (or the site modifiers when they were separate sites).");
        return new Edit(EditTypes.DuplicateService, Severity.HardStop, second.LineId, first.LineId, string.Empty, string.Empty, null,
            repeat is null ? [] : [new SuggestedModifier(repeat, second.LineId, RepeatReason(repeat)) { ClaimId = context.ClaimId }],
            message, Source)
        {
            Action = RecommendedAction.RemoveLine,
        };
    }

    /// <remarks>CMS pays one E/M visit of a category per physician per day: the usual fix is one line that reflects the
    /// work of the day. Where a second visit was significant and separately identifiable, it carries 25 (27 for a
    /// separate outpatient hospital encounter), and the edit becomes a reminder to keep the record that shows it.</remarks>
    private static Edit SameDayVisit(ClaimLine first, ClaimLine second, string category, in PairContext context)
    {
        var modifier = context.Setting == CareSetting.OutpatientHospital ? "27" : "25";
        var marked = second.HasModifier(modifier);
        var pair = $"{second.Code} ({context.Name(second)}) and {first.Code} ({context.Name(first)}) are both {category} E/M visits on {Date(second)} by the same provider.";
        var message = marked
            ? $"{pair} Line {second.LineId} is marked {modifier} as a separately identifiable visit; keep the record that shows it."
            : $"{pair} CMS pays one visit of a category per physician per day: bill one line that reflects the total work of the day and remove line " +
              $"{second.LineId}, or, only if it was a significant, separately identifiable visit, mark it with {modifier}.";
        return new Edit(EditTypes.SameDayEm, marked ? Severity.Info : Severity.Warning, second.LineId, first.LineId, string.Empty, string.Empty, null,
            marked ? [] : [new SuggestedModifier(modifier, second.LineId, $"The visit on line {second.LineId} was significant and separately identifiable from the other visit that day.") { ClaimId = context.ClaimId }],
            message, Source)
        {
            Action = marked ? RecommendedAction.KeepDocumentation : RecommendedAction.RemoveLine,
        };
    }

    /// <summary>91 for a repeated clinical laboratory test, 76 for another repeated procedure; none for an E/M visit.</summary>
    private static string? RepeatModifier(Claims.HcpcsCode code) =>
        code.IsEvaluationAndManagement ? null
        : code.IsClinicalLab ? "91"
        : "76";

    private static string RepeatReason(string modifier) => modifier == "91"
        ? "The test was repeated on the same day to obtain a new result (not to confirm or rerun a failed test)."
        : "The procedure was repeated on the same day by the same practitioner.";

    private static string Date(ClaimLine line) => line.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
