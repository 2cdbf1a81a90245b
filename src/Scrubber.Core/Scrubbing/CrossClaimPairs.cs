using System.Collections.Immutable;
using System.Globalization;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Scrubbing;

/// <summary>Pairs a new claim's lines with lines already sent on earlier claims of the same patient, provider and date.</summary>
/// <remarks>
/// Either order can fire (domain.md §2.3, §9.5). Either way the edit sits on the new line, the one that can still be
/// changed, and names the earlier claim and line.
/// <list type="bullet">
/// <item>The new line is the column 2 code: it is the one denied. Indicator 1: a modifier on the new line; indicator
/// 0: remove it.</item>
/// <item>The earlier line is the column 2 code: it was paid first, so the payer denies or cuts the new column 1 line.
/// The fix is a replacement (frequency 7) of the earlier claim carrying both services, with the modifier where it
/// belongs; never dropping the column 1 code.</item>
/// </list>
/// </remarks>
internal static class CrossClaimPairs
{
    public static void Scrub(Claim claim, IReadOnlyList<PriorLine> history, NcciTableSet tables, in PairContext context, List<Edit> edits)
    {
        foreach (var line in claim.Lines)
        {
            foreach (var prior in history)
            {
                if (prior.ClaimId == claim.ClaimId || !LinePairing.Pair(claim, line, prior, context.Scope))
                {
                    continue;
                }

                var table = tables.For(line.ServiceDate);
                var pairContext = context with { Earlier = prior };
                if (table.TryFind(prior.Line.Code, line.Code, line.ServiceDate, out var newLineBundled))
                {
                    NewLineBundled(newLineBundled, line, prior, pairContext, edits);
                }

                if (table.TryFind(line.Code, prior.Line.Code, line.ServiceDate, out var earlierLineBundled))
                {
                    EarlierLineBundled(earlierLineBundled, line, prior, pairContext, edits);
                }
            }
        }
    }

    /// <summary>The new line is column 2: the usual edits on it, with advice on the new line only.</summary>
    private static void NewLineBundled(in PtpMatch row, ClaimLine newLine, PriorLine prior, in PairContext context, List<Edit> edits)
    {
        var pairEdits = new List<Edit>();
        PtpPairEvaluator.Evaluate(row, prior.Line, newLine, context, pairEdits);
        foreach (var edit in pairEdits)
        {
            var placed = edit with { LineId = newLine.LineId, RelatedLineId = prior.Line.LineId, RelatedClaimId = prior.ClaimId, Message = $"Across claims: {edit.Message}" };
            if (edit.EditType == EditTypes.NcciPtp && edit.Action == RecommendedAction.AddModifier)
            {
                placed = OnNewLine(placed, prior.Line, newLine, context);
            }

            edits.Add(placed);
        }
    }

    /// <summary>Advice for the new column 2 line must be a modifier on it: the earlier claim's line is not this claim's
    /// to change (25 on an earlier E/M would also be advice for a line that is not denied).</summary>
    private static Edit OnNewLine(Edit edit, ClaimLine earlier, ClaimLine newLine, in PairContext context)
    {
        var scrubbed = context.ClaimId;
        var onNewLine = edit.SuggestedModifiers.Where(s => s.ClaimId.Length == 0 || s.ClaimId == scrubbed).ToImmutableArray();
        if (onNewLine.IsEmpty && !newLine.Code.IsEvaluationAndManagement)
        {
            onNewLine = ModifierAdvisor.SuggestForProcedures(earlier, newLine, context);
        }

        return onNewLine.IsEmpty
            ? edit with { SuggestedModifiers = [], Action = RecommendedAction.RemoveLine }
            : edit with { SuggestedModifiers = onNewLine };
    }

    /// <summary>The earlier line is column 2 and was paid first: the edit sits on the new column 1 line, and the fix is
    /// a replacement of the earlier claim.</summary>
    private static void EarlierLineBundled(in PtpMatch row, ClaimLine newLine, PriorLine prior, in PairContext context, List<Edit> edits)
    {
        var pairEdits = new List<Edit>();
        PtpPairEvaluator.Evaluate(row, newLine, prior.Line, context, pairEdits);
        foreach (var edit in pairEdits)
        {
            var placed = edit with { LineId = newLine.LineId, RelatedLineId = prior.Line.LineId, RelatedClaimId = prior.ClaimId };
            edits.Add(edit.EditType switch
            {
                EditTypes.NcciPtp => placed with
                {
                    Message = SplitPairMessage(row, newLine, prior, context),
                    Action = RecommendedAction.ReplaceEarlierClaim,
                },
                _ => placed with { Message = $"Across claims: {edit.Message}" },
            });
        }
    }

    private static string SplitPairMessage(in PtpMatch row, ClaimLine newLine, PriorLine prior, in PairContext context)
    {
        var date = newLine.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var pair =
            $"Across claims: {row.Column2} ({context.Name(prior.Line)}) is bundled into {newLine.Code} ({context.Name(newLine)}) on {date} " +
            $"(NCCI modifier indicator {row.ModifierIndicator}). The bundled service was paid first, so the payer denies or reduces " +
            $"{newLine.Code} on this claim. Keep {newLine.Code}: ";
        return pair + (row.ModifierIndicator == 0
            ? $"send a replacement (frequency 7) of claim {prior.ClaimId} that carries {newLine.Code} and drops {row.Column2}, which no modifier can bill with it."
            : $"send a replacement (frequency 7) of claim {prior.ClaimId} that carries both services, with the modifier shown on the line it belongs to, " +
              "if the record shows they were distinct; otherwise one that carries only " + newLine.Code + ".");
    }
}
