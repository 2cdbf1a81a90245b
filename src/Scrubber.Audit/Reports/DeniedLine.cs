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
/// <param name="Family">The denial family (<see cref="Outcomes.DenialFamilies"/>), or null when the line was not denied.</param>
/// <param name="Group">The adjustment group of the denial: CO, PR, OA or PI; empty when not denied.</param>
/// <param name="DeniedCents">The adjustments of that family, in cents (for "other": the charge not paid).</param>
/// <param name="Edit">The scrubber's edit on the line that caught its denial (<see cref="Outcomes.EditFamilies"/>): an NCCI
/// PTP, payer-rule, MUE, add-on or duplicate edit overridden, accepted or forced; null when none did.</param>
public sealed record DeniedLine(
    string ClaimId,
    string LineId,
    string PayerId,
    string Provider,
    string Code,
    string Modifiers,
    DateOnly Day,
    bool Paid,
    string? Family,
    string Group,
    long DeniedCents,
    LineEdit? Edit)
{
    /// <summary>The line's charge as remitted, in cents.</summary>
    public long ChargeCents { get; init; }

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

    /// <summary>The line's units as sent.</summary>
    public double Units { get; init; }

    /// <summary>Whether the line was denied in any family.</summary>
    public bool Denied => Family is not null;

    /// <summary>The code pair an NCCI or pack edit named for this line, or null: a pair is never guessed.</summary>
    public (string Column1, string Column2)? Pair => Edit is { Column1.Length: > 0, Column2.Length: > 0 } e ? (e.Column1, e.Column2) : null;

    /// <summary>How reports key the line: its edit's pair, else ("", its own code). Column 2 is always the denied code.
    /// A units or add-on denial is about one code (its MUE, its missing primary), so it is keyed by the code even when
    /// a pair edit stood on the line.</summary>
    public (string Column1, string Column2) PairOrCode => ByCode ? (string.Empty, Code) : Pair ?? (string.Empty, Code);

    /// <summary>Whether reports show the line by its code alone: a units or add-on denial, or an edit of those families.</summary>
    public bool ByCode => Family is Outcomes.DenialFamilies.Units or Outcomes.DenialFamilies.AddOn ||
                          (Family is null && Edit is not null && Outcomes.EditFamilies.Of(Edit.EditType) is Outcomes.DenialFamilies.Units or Outcomes.DenialFamilies.AddOn);

    /// <summary>The columns an override is reported under: the edit's pair, or ("", the line's code) for an edit of one
    /// code (MUE, add-on, duplicate), whose column 1 names the code itself or nothing.</summary>
    public (string Column1, string Column2) EditColumns =>
        Edit is null ? (string.Empty, Code)
        : Edit.Rule.Length == 0 && Outcomes.EditFamilies.Of(Edit.EditType) is not null ? (string.Empty, Code)
        : (Edit.Column1, Edit.Column2);
}

/// <summary>The edit that stood on a sent line, and its fate.</summary>
public sealed record LineEdit(string EditType, string Column1, string Column2, int? ModifierIndicator, string Source, string Rule, string BypassModifier, string Fate);
