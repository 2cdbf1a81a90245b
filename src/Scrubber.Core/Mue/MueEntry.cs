namespace Scrubber.Core.Mue;

/// <summary>One code's row of an MUE table.</summary>
/// <param name="Value">The most units of service a provider would report for one beneficiary: per line (MAI 1) or per
/// date of service (MAI 2, 3). 0: the code is not payable in this setting.</param>
/// <param name="Indicator">How the value is applied.</param>
/// <param name="Rationale">The MUE rationale as CMS wrote it, e.g. "Nature of Analyte".</param>
public readonly record struct MueEntry(int Value, MueAdjudicationIndicator Indicator, string Rationale);
