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
    LineEdit? Edit)
{
    /// <summary>The line's charge as remitted, in cents.</summary>
    public long ChargeCents { get; init; }

    /// <summary>The highest-charged other line of the claim on the same date: the likely column 1 when no edit named one.</summary>
    public string? OtherCode { get; init; }

    /// <summary>The codes of the claim's other lines on the same date of service.</summary>
    public IReadOnlyList<string> SameDayCodes { get; init; } = [];

    /// <summary>The latest resolution step (corrected_claim_sent, appealed, recovered, written_off), or null while unworked.</summary>
    public string? Resolution { get; init; }

    /// <summary>When the latest resolution step happened.</summary>
    public DateOnly? ResolvedOn { get; init; }

    /// <summary>Cents written off, over all resolution steps.</summary>
    public long WrittenOffCents { get; init; }

    /// <summary>Cents recovered, over all resolution steps.</summary>
    public long RecoveredCents { get; init; }

    /// <summary>The code pair the denial is about: the edit's, else (for a line rule or no edit) the likely column 1 and this line's code.</summary>
    public (string Column1, string Column2) Pair => Edit is { Column2.Length: > 0 } e ? (e.Column1, e.Column2) : (OtherCode ?? string.Empty, Code);
}

/// <summary>The edit that stood on a sent line, and its fate.</summary>
public sealed record LineEdit(string EditType, string Column1, string Column2, int? ModifierIndicator, string Source, string Rule, string BypassModifier, string Fate);
