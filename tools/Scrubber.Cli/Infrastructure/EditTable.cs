using System.Text;
using Scrubber.V1;

namespace Scrubber.Cli;

/// <summary>Prints a scrub response for a person: the disposition, then each edit with its advice.</summary>
internal static class EditTable
{
    public static string Format(ScrubClaimResponse response)
    {
        var text = new StringBuilder()
            .AppendLine($"Claim {response.ClaimId}: {Name(response.Disposition)} (scrub {response.ScrubId}, NCCI {response.NcciVersion})");
        if (response.Edits.Count == 0)
        {
            text.AppendLine("  No edits.");
        }

        foreach (var edit in response.Edits)
        {
            var pair = edit.Column2Code.Length > 0 ? $" {edit.Column1Code}/{edit.Column2Code}"
                : edit.Column1Code.Length > 0 ? $" {edit.Column1Code}"
                : string.Empty;
            text.AppendLine($"  [{Name(edit.Severity)}] {edit.EditType}{pair} line {edit.LineId}" +
                            (edit.RelatedLineId.Length > 0 ? $" (with {edit.RelatedLineId})" : string.Empty) + $" — {edit.Source}");
            text.AppendLine($"    {edit.Message}");
            foreach (var suggestion in edit.SuggestedModifiers)
            {
                text.AppendLine($"    consider {suggestion.Modifier} on {suggestion.LineId}: {suggestion.Reason}");
            }
        }

        if (response.UnitsNotEvaluatedLineIds.Count > 0)
        {
            text.AppendLine($"  Units not evaluated (no MUE row for the code in the table of the claim's setting) on line {string.Join(", ", response.UnitsNotEvaluatedLineIds)}.");
        }

        return text.ToString().TrimEnd();
    }

    public static string Name(Disposition disposition) => disposition switch
    {
        Disposition.Clean => "CLEAN",
        Disposition.Warnings => "WARNINGS",
        Disposition.HardStop => "HARD STOP",
        _ => "NOT SCRUBBED",
    };

    private static string Name(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.HardStop => "HARD STOP",
        _ => "?",
    };
}
