using System.Collections.Immutable;

namespace Scrubber.Audit.Reports;

/// <summary>Report 3: one code pair's bundling denials in one ISO week.</summary>
/// <param name="Week">The ISO week, e.g. 2026-W33.</param>
/// <param name="Column1">The pair's column 1 code (for a denial nothing caught: the claim's highest-charged other line that day).</param>
/// <param name="Column2">The denied code.</param>
/// <param name="Occurrences">Denied lines in the week.</param>
/// <param name="ModifierIndicator">"0" or "1" for an NCCI pair, "payer rule", or "not in NCCI".</param>
/// <param name="PrimaryProvider">The provider with the most of these denials.</param>
/// <param name="PrimaryProviderShare">That provider's share of the occurrences, 0–1.</param>
/// <param name="Payers">Occurrences per payer.</param>
/// <param name="DollarsDenied">The CARC 97/236 amounts.</param>
/// <param name="RootCause">missing modifier, hard bundle, payer-proprietary bundle, or modifier not accepted by the payer (the most frequent).</param>
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
    string Action);
