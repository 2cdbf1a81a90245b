namespace Scrubber.Audit.Reports;

/// <summary>One sent line as its latest remittance left it, with what the scrubber had said about it.</summary>
/// <param name="ClaimId">The claim as sent.</param>
/// <param name="LineId">The line as sent.</param>
/// <param name="PayerId">The claim's payer.</param>
/// <param name="Provider">The rendering NPI, else the billing NPI.</param>
/// <param name="Code">The line's procedure code.</param>
/// <param name="Modifiers">The line's modifiers as sent, space-separated.</param>
/// <param name="Day">The remittance payment date, else the day it was ingested.</param>
/// <param name="Paid">Whether the payer paid the line.</param>
/// <param name="BundlingDenied">Whether the line carries an NCCI-type denial (CARC 97 or 236).</param>
/// <param name="DeniedCents">The CARC 97/236 adjustment amounts, in cents.</param>
/// <param name="Edit">The scrubber's PTP or payer-rule edit on the line, if any.</param>
public sealed record DeniedLine(
    string ClaimId,
    string LineId,
    string PayerId,
    string Provider,
    string Code,
    string Modifiers,
    DateOnly Day,
    bool Paid,
    bool BundlingDenied,
    long DeniedCents,
    LineEdit? Edit);

/// <summary>The edit that stood on a sent line, and its fate.</summary>
public sealed record LineEdit(string EditType, string Column1, string Column2, int? ModifierIndicator, string Source, string Rule, string BypassModifier, string Fate);
