namespace Scrubber.Audit.Reports;

/// <summary>Report 1: edits overridden (by modifier, by acceptance, forced) whose line came back denied.</summary>
/// <param name="Column1">The pair's column 1 code (the other line's code for a payer rule).</param>
/// <param name="Column2">The pair's column 2 code (the denied line's).</param>
/// <param name="PayerId">The payer.</param>
/// <param name="Provider">The rendering NPI, else the billing NPI.</param>
/// <param name="ModifierUsed">The modifier that bypassed the edit, else the line's modifiers as sent ("" when none).</param>
/// <param name="Week">The ISO week of the denial, e.g. 2026-W33.</param>
/// <param name="Fate">overridden_by_modifier, overridden_by_acceptance or forced.</param>
/// <param name="Denied">Lines denied.</param>
/// <param name="DollarsDenied">The denied amounts of those lines (adjustments of their family).</param>
/// <param name="PaidWithSameOverride">Lines of the same payer, pair and modifier that were paid instead, in the whole period.</param>
/// <param name="SuccessRate">Paid ÷ (paid + denied) for that payer, pair and modifier.</param>
public sealed record OverriddenThenDeniedRow(
    string Column1,
    string Column2,
    string PayerId,
    string Provider,
    string ModifierUsed,
    string Week,
    string Fate,
    int Denied,
    decimal DollarsDenied,
    int PaidWithSameOverride,
    double SuccessRate)
{
    /// <summary>The denial family (<see cref="Outcomes.DenialFamilies"/>).</summary>
    public string Family { get; init; } = Outcomes.DenialFamilies.Bundling;

    /// <summary>The adjustment group: CO, PR, OA or PI.</summary>
    public string Group { get; init; } = string.Empty;
}
