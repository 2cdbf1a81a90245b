using System.Globalization;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Scrubbing;

/// <summary>Pairs a new claim's lines with lines already sent on earlier claims of the same patient, provider and date.</summary>
/// <remarks>
/// Either order can fire (domain.md §2.3). When the new line is the column 2 code, it is the one denied and the edit
/// is the usual one on it. When the earlier line is the column 2 code, it was paid first: Medicare may cut the new
/// column 1 line's allowance by what was paid, and the fix is a corrected earlier claim with the modifier on its line.
/// Either way the edit sits on the new line, the one that can still be changed, and names the earlier claim and line.
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
                if (table.TryFind(prior.Line.Code, line.Code, line.ServiceDate, out var newLineBundled))
                {
                    Add(newLineBundled, prior.Line, line, prior, context, edits, earlierIsColumnTwo: false);
                }

                if (table.TryFind(line.Code, prior.Line.Code, line.ServiceDate, out var earlierLineBundled))
                {
                    Add(earlierLineBundled, line, prior.Line, prior, context, edits, earlierIsColumnTwo: true);
                }
            }
        }
    }

    private static void Add(in PtpMatch row, ClaimLine column1, ClaimLine column2, PriorLine prior, in PairContext context, List<Edit> edits, bool earlierIsColumnTwo)
    {
        var pairEdits = new List<Edit>();
        PtpPairEvaluator.Evaluate(row, column1, column2, context, pairEdits);
        var newLine = earlierIsColumnTwo ? column1 : column2;
        foreach (var edit in pairEdits)
        {
            if (edit.LineId != newLine.LineId && edit.EditType is not (EditTypes.NcciPtp or EditTypes.NcciPtpBypassed))
            {
                continue; // A finding about the earlier line's modifiers: that claim has gone, nothing to fix here.
            }

            edits.Add(edit with
            {
                LineId = newLine.LineId,
                RelatedLineId = prior.Line.LineId,
                RelatedClaimId = prior.ClaimId,
                Message = earlierIsColumnTwo ? EarlierLineBundled(edit, row, newLine, prior) : $"Across claims: {Rename(edit.Message, prior)}",
            });
        }
    }

    private static string EarlierLineBundled(Edit edit, in PtpMatch row, ClaimLine newLine, PriorLine prior)
    {
        var date = newLine.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var pair = $"{row.Column2} (line {prior.Line.LineId} of claim {prior.ClaimId}, already sent) is bundled into {newLine.Code} (line {newLine.LineId}) on {date} (NCCI modifier indicator {row.ModifierIndicator})";
        return edit.EditType == EditTypes.NcciPtpBypassed
            ? $"Across claims: {pair}; modifier {edit.BypassModifier} bypasses it."
            : $"Across claims: {pair}. The bundled service was billed first, so the payer may reduce line {newLine.LineId} by what claim " +
              $"{prior.ClaimId} was paid for it. " + (row.ModifierIndicator == 0
                ? "No modifier can bypass this edit: bill only the service that was performed."
                : $"If both services were distinct, send a corrected claim for {prior.ClaimId} with the modifier on its line {prior.Line.LineId}.");
    }

    /// <summary>Names the earlier line with its claim wherever the message mentions it.</summary>
    private static string Rename(string message, PriorLine prior) =>
        message.Replace($"(line {prior.Line.LineId})", $"(line {prior.Line.LineId} of claim {prior.ClaimId}, already sent)", StringComparison.Ordinal);
}
