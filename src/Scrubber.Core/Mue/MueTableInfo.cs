using System.Collections.Immutable;

namespace Scrubber.Core.Mue;

/// <summary>What one loaded MUE release holds and where it came from.</summary>
/// <param name="Kind">Practitioner, outpatient hospital or DME supplier.</param>
/// <param name="Version">e.g. <c>mue-practitioner-2026-07-01</c>: the table and the date it takes effect.</param>
/// <param name="AppliesFrom">First date of service edited with this release (the file name's effective date).</param>
/// <param name="Files">The files (or zip entries) read.</param>
/// <param name="Codes">Codes with an MUE.</param>
/// <param name="NotPayable">Codes whose MUE is 0: not payable in this setting.</param>
/// <param name="ByIndicator">Codes per adjudication indicator, MAI 1 to 3.</param>
public sealed record MueTableInfo(
    MueTableKind Kind,
    string Version,
    DateOnly AppliesFrom,
    ImmutableArray<string> Files,
    int Codes,
    int NotPayable,
    ImmutableArray<int> ByIndicator)
{
    /// <summary>Medicare or Medicaid.</summary>
    public Ncci.NcciProgram Program { get; init; }
}
