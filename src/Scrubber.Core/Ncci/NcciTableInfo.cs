using System.Collections.Immutable;

namespace Scrubber.Core.Ncci;

/// <summary>What one loaded table release holds and where it came from.</summary>
/// <param name="Kind">Practitioner or outpatient hospital.</param>
/// <param name="TableVersion">e.g. <c>ccipra-v322r0</c>, or <c>mcd-ptp-pra-v2026q3r0</c> for Medicaid.</param>
/// <param name="AppliesFrom">First date of service edited with this release.</param>
/// <param name="Parts">Parts loaded, e.g. f1..f4.</param>
/// <param name="Files">The files (or zip entries) read.</param>
/// <param name="Rows">Rows indexed, indicator 9 rows included.</param>
/// <param name="Pairs">Distinct (column 1, column 2) pairs.</param>
/// <param name="MalformedRows">Rows skipped as malformed.</param>
/// <param name="OverlappingWindows">Pairs with two rows in force on one date; the stricter indicator wins.</param>
public sealed record NcciTableInfo(
    NcciTableKind Kind,
    string TableVersion,
    DateOnly AppliesFrom,
    ImmutableArray<string> Parts,
    ImmutableArray<string> Files,
    long Rows,
    long Pairs,
    long MalformedRows,
    long OverlappingWindows)
{
    /// <summary>Medicare or Medicaid.</summary>
    public NcciProgram Program { get; init; }
}
