namespace Scrubber.Core.Claims;

/// <summary>A claim as a caller sent it, before validation: the gRPC request, a claim JSON file, a pack's example.</summary>
/// <remarks>Property names follow the protobuf JSON of <c>scrubber.v1.Claim</c>, so one JSON format serves everywhere.</remarks>
public sealed record ClaimInput
{
    public string? ClaimId { get; init; }

    public string? PayerId { get; init; }

    public string? PatientId { get; init; }

    public string? BillingProviderNpi { get; init; }

    /// <summary><c>SETTING_PROFESSIONAL</c> (also <c>professional</c>, or empty) or <c>SETTING_OUTPATIENT_HOSPITAL</c> (<c>outpatient_hospital</c>).</summary>
    public string? Setting { get; init; }

    public IReadOnlyList<ClaimLineInput>? Lines { get; init; }

    /// <summary><c>CLAIM_FREQUENCY_ORIGINAL</c> (also <c>original</c>, <c>1</c> or empty), <c>CLAIM_FREQUENCY_REPLACEMENT</c>
    /// (<c>replacement</c>, <c>7</c>) or <c>CLAIM_FREQUENCY_VOID</c> (<c>void</c>, <c>8</c>).</summary>
    public string? Frequency { get; init; }

    public string? OriginalClaimId { get; init; }

    public string? PayerClaimControlNumber { get; init; }

    /// <summary>YYYY-MM-DD (DMG02). PHI: only the age at each date of service is used.</summary>
    public string? PatientBirthDate { get; init; }

    /// <summary><c>PATIENT_SEX_FEMALE</c> (also <c>female</c>, <c>F</c>), <c>PATIENT_SEX_MALE</c> (<c>male</c>, <c>M</c>),
    /// <c>PATIENT_SEX_UNKNOWN</c> (<c>unknown</c>, <c>U</c>), or empty.</summary>
    public string? PatientSex { get; init; }

    /// <summary>CLM05-1: two digits.</summary>
    public string? PlaceOfService { get; init; }

    /// <summary>HI: ICD-10-CM codes in order, without the dot.</summary>
    public IReadOnlyList<string>? DiagnosisCodes { get; init; }

    /// <summary>REF*G1.</summary>
    public string? PriorAuthorization { get; init; }

    /// <summary>PRV03 of the rendering provider: a NUCC taxonomy code.</summary>
    public string? RenderingProviderTaxonomy { get; init; }
}

/// <summary>One service line as sent, before validation.</summary>
public sealed record ClaimLineInput
{
    public string? LineId { get; init; }

    public string? ProcedureCode { get; init; }

    public IReadOnlyList<string>? Modifiers { get; init; }

    public string? ServiceDate { get; init; }

    /// <summary>The last day of a line that spans several days (DTP*472 RD8), or null/empty for one day.</summary>
    public string? ServiceDateEnd { get; init; }

    public string? RenderingProviderNpi { get; init; }

    public string? Charge { get; init; }

    public double Units { get; init; }

    public IReadOnlyList<string>? DiagnosisCodes { get; init; }

    /// <summary>SV105: two digits, when the line's place of service differs from the claim's.</summary>
    public string? PlaceOfService { get; init; }

    /// <summary>SV107: 1-based pointers into the claim's <see cref="ClaimInput.DiagnosisCodes"/>.</summary>
    public IReadOnlyList<int>? DiagnosisPointers { get; init; }

    /// <summary>PRV03 of the line's rendering provider, when it differs from the claim's.</summary>
    public string? RenderingProviderTaxonomy { get; init; }
}
