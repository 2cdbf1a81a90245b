using System.Collections.Immutable;

namespace Scrubber.Core.Claims;

/// <summary>One validated service line of a claim.</summary>
/// <param name="LineId">REF*6R line item control number, unique within the claim.</param>
/// <param name="Code">The procedure code.</param>
/// <param name="Modifiers">Up to four two-character modifiers, upper case, in 837 order.</param>
/// <param name="ServiceDate">The date of service (DTP*472, the from-date of a range).</param>
/// <param name="RenderingProviderNpi">The rendering NPI, or empty when the billing provider rendered it.</param>
/// <param name="Charge">The line charge in dollars.</param>
/// <param name="Units">Service units.</param>
/// <param name="DiagnosisCodes">ICD-10-CM codes the line points to.</param>
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
    /// <summary>Whether the line carries <paramref name="modifier"/> (two upper-case characters).</summary>
    public bool HasModifier(string modifier) => Modifiers.Contains(modifier, StringComparer.Ordinal);
}
