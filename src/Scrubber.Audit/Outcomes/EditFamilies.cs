using Scrubber.Core.Scrubbing;

namespace Scrubber.Audit.Outcomes;

/// <summary>Which denial family an edit type foresees, so that a denial counts as caught only by an edit of its own
/// family: an MUE edit catches a units denial (CARC 151 + N362), not a CO-97 on the same line.</summary>
public static class EditFamilies
{
    /// <summary>The edit types the reports tie to denials: the NCCI PTP edits, and the edits of one other family each.
    /// Payer pack rules are tied too, whatever their type (see <see cref="Catches"/>).</summary>
    public static IReadOnlyList<string> Reported { get; } =
    [
        EditTypes.NcciPtp, EditTypes.NcciPtpBypassed,
        EditTypes.MueUnitsExceeded, EditTypes.MueNotPayable,
        EditTypes.AddOnWithoutPrimary,
        EditTypes.DuplicateService, EditTypes.SameDayEm,
        EditTypes.GlobalPeriod, EditTypes.ModifierWithoutContext,
    ];

    /// <summary>The one family an edit type foresees, or null for a type that is not tied to one family (NCCI PTP
    /// edits, GLOBAL_PERIOD, payer rules). A visit or procedure in a global period comes back CO-97 (with M144) when
    /// it lacks its modifier, and CARC 4 when the payer refuses the one it has, so GLOBAL_PERIOD ties like a PTP edit.</summary>
    public static string? Of(string editType) => editType switch
    {
        EditTypes.MueUnitsExceeded or EditTypes.MueNotPayable => DenialFamilies.Units,
        EditTypes.AddOnWithoutPrimary => DenialFamilies.AddOn,
        EditTypes.DuplicateService or EditTypes.SameDayEm => DenialFamilies.Duplicate,
        EditTypes.ModifierWithoutContext => DenialFamilies.Modifier,
        _ => null,
    };

    /// <summary>Whether an edit that stood on a line counts as having foreseen the line's denial of
    /// <paramref name="family"/> (null: the line was not denied, so any reported edit stands on it).</summary>
    /// <remarks>A payer rule can be about anything, so it catches every family, as before. An NCCI PTP edit catches
    /// bundling, and a modifier denial (CARC 4, 182: the payer refused the bypass modifier), and stands on an "other"
    /// denial as it always has; it does not foresee units, add-on or duplicate denials. An edit of one family catches
    /// that family only.</remarks>
    public static bool Catches(string editType, bool payerRule, string? family)
    {
        if (family is null || payerRule)
        {
            return true;
        }

        return Of(editType) is { } own
            ? own == family
            : family is DenialFamilies.Bundling or DenialFamilies.Modifier or DenialFamilies.Other;
    }
}
