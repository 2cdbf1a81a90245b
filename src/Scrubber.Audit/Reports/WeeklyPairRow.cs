using System.Collections.Immutable;

namespace Scrubber.Audit.Reports;

/// <summary>Report 3: one code pair's denials of one family in one ISO week; or, when no NCCI or pack row named a
/// pair, one denied code's, with the claims' other same-day codes as context (a pair is never guessed). Units and add-on
/// denials are always rows of their code.</summary>
/// <param name="Week">The ISO week, e.g. 2026-W33.</param>
/// <param name="Column1">The pair's column 1 code; empty when no edit named a pair.</param>
/// <param name="Column2">The pair's column 2 code (the denied code); empty when no edit named a pair.</param>
/// <param name="Occurrences">Denied lines in the week.</param>
/// <param name="ModifierIndicator">"0" or "1" for an NCCI pair, "payer rule", "MUE", "add-on" or "duplicate" for the
/// edit of that family, or "not in NCCI" when no edit caught the denials.</param>
/// <param name="PrimaryProvider">The provider with the most of these denials.</param>
/// <param name="PrimaryProviderShare">That provider's share of the occurrences, 0–1.</param>
/// <param name="Payers">Occurrences per payer.</param>
/// <param name="DollarsDenied">The denied amounts (adjustments of the family).</param>
/// <param name="RootCause">missing modifier, hard bundle, payer-proprietary bundle, modifier not accepted by the payer,
/// units over the MUE, not payable in the setting, add-on without its primary, duplicate sent, or not caught (the most
/// frequent).</param>
/// <param name="Resolutions">Occurrences per resolution status; "unworked" for none yet.</param>
/// <param name="RepeatOffender">Whether the occurrences reach the threshold.</param>
/// <param name="Action">What a repeat offender calls for; empty otherwise.</param>
public sealed record WeeklyPairRow(
    string Week,
    string Column1,
    string Column2,
    int Occurrences,
    string ModifierIndicator,
    string PrimaryProvider,
    double PrimaryProviderShare,
    ImmutableSortedDictionary<string, int> Payers,
    decimal DollarsDenied,
    string RootCause,
    ImmutableSortedDictionary<string, int> Resolutions,
    bool RepeatOffender,
    string Action)
{
    /// <summary>The denied code: column 2 of the pair, or the row's code when no pair was named.</summary>
    public string DeniedCode { get; init; } = string.Empty;

    /// <summary>For a row with no pair: the other codes billed the same day on the denied claims (none for a units row:
    /// an MUE is the code's own).</summary>
    public ImmutableArray<string> ContextCodes { get; init; } = [];

    /// <summary>The denial family (<see cref="Outcomes.DenialFamilies"/>).</summary>
    public string Family { get; init; } = Outcomes.DenialFamilies.Bundling;

    /// <summary>The most frequent adjustment group of the row's denials: CO, PR, OA or PI.</summary>
    public string Group { get; init; } = string.Empty;

    /// <summary>For a units row: the most units sent on one of its denied lines; 0 for other families.</summary>
    public double MaxUnits { get; init; }
}
