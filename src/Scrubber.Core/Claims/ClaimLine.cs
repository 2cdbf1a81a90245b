using System.Collections.Immutable;

namespace Scrubber.Core.Claims;

/// <summary>One validated service line of a claim.</summary>
/// <param name="LineId">REF*6R line item control number, unique within the claim.</param>
/// <param name="Code">The procedure code.</param>
/// <param name="Modifiers">Up to four two-character modifiers, upper case, in 837 order.</param>
/// <param name="ServiceDate">The date of service (DTP*472, the from-date of a range; see <see cref="ServiceDateEnd"/>).</param>
/// <param name="RenderingProviderNpi">The rendering NPI, or empty when the billing provider rendered it.</param>
/// <param name="Charge">The line charge in dollars.</param>
/// <param name="Units">Service units.</param>
/// <param name="DiagnosisCodes">The line's ICD-10-CM codes, upper case without the dot: those its
/// <see cref="DiagnosisPointers"/> point to in the claim's list, else its own.</param>
public sealed record ClaimLine(
    string LineId,
    HcpcsCode Code,
    ImmutableArray<string> Modifiers,
    DateOnly ServiceDate,
    string RenderingProviderNpi,
    decimal Charge,
    double Units,
    ImmutableArray<string> DiagnosisCodes)
{
    /// <summary>The last day of a line that spans several days; null for a line of one day.</summary>
    public DateOnly? ServiceDateEnd { get; init; }

    /// <summary>SV107: the 1-based pointers into the claim's diagnoses the line gave, or empty when it gave its own codes.</summary>
    public ImmutableArray<int> DiagnosisPointers { get; init; } = [];

    /// <summary>The line's place of service: its own (SV105) when given, else the claim's (CLM05-1); empty when neither.</summary>
    public string PlaceOfService { get; init; } = string.Empty;

    /// <summary>The rendering provider's taxonomy: the line's own (2420A PRV03) when given, else the claim's; empty when neither.</summary>
    public string RenderingProviderTaxonomy { get; init; } = string.Empty;

    /// <summary>The days the line spans: 1 for a line of one day.</summary>
    public int Days => ServiceDateEnd is { } end ? end.DayNumber - ServiceDate.DayNumber + 1 : 1;

    /// <summary>Whether the line's service covers <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => date == ServiceDate || (ServiceDateEnd is { } end && date > ServiceDate && date <= end);

    /// <summary>Whether the line carries <paramref name="modifier"/> (two upper-case characters).</summary>
    public bool HasModifier(string modifier) => Modifiers.Contains(modifier, StringComparer.Ordinal);
}
