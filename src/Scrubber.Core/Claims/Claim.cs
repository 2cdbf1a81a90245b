using System.Collections.Immutable;

namespace Scrubber.Core.Claims;

/// <summary>A validated claim as the scrub engine sees it: the 837 fields that bundling edits depend on.</summary>
/// <param name="ClaimId">CLM01, the patient control number.</param>
/// <param name="PayerId">The payer the claim goes to; selects the payer rule pack.</param>
/// <param name="PatientId">The raw patient identifier; never stored or logged.</param>
/// <param name="BillingProviderNpi">The billing provider NPI (2010AA).</param>
/// <param name="Setting">Which NCCI table applies.</param>
/// <param name="Lines">The service lines, in 837 order.</param>
public sealed record Claim(
    string ClaimId,
    string PayerId,
    string PatientId,
    string BillingProviderNpi,
    CareSetting Setting,
    ImmutableArray<ClaimLine> Lines)
{
    /// <summary>CLM05-3: an original, or a replacement or void of <see cref="OriginalClaimId"/>.</summary>
    public ClaimFrequency Frequency { get; init; } = ClaimFrequency.Original;

    /// <summary>For a replacement or void: the CLM01 of the claim it replaces or voids; empty for an original.</summary>
    public string OriginalClaimId { get; init; } = string.Empty;

    /// <summary>For a replacement or void: REF*F8, the payer's control number of the original (CLP07); may be empty.</summary>
    public string PayerClaimControlNumber { get; init; } = string.Empty;

    /// <summary>DMG02: the patient's birth date, or null when not sent. PHI: only <see cref="AgeOn"/> leaves the claim;
    /// the audit store never receives it and nothing logs it.</summary>
    public DateOnly? PatientBirthDate { get; init; }

    /// <summary>DMG03. PHI, like the birth date.</summary>
    public PatientSex PatientSex { get; init; }

    /// <summary>CLM05-1: the two-digit place of service, or empty; each line's <see cref="ClaimLine.PlaceOfService"/>
    /// already holds this value unless the line gave its own.</summary>
    public string PlaceOfService { get; init; } = string.Empty;

    /// <summary>HI: the ICD-10-CM diagnoses in order, upper case without the dot; the first is the principal.</summary>
    public ImmutableArray<string> DiagnosisCodes { get; init; } = [];

    /// <summary>REF*G1: the prior authorization number, or empty.</summary>
    public string PriorAuthorization { get; init; } = string.Empty;

    /// <summary>PRV03 of the rendering provider (2310B): the NUCC taxonomy code, or empty.</summary>
    public string RenderingProviderTaxonomy { get; init; } = string.Empty;

    /// <summary>The patient's age in whole years on <paramref name="date"/>, or null without a birth date. Someone
    /// born on 29 February turns a year older on 28 February in common years, as DateOnly.AddYears counts.</summary>
    public int? AgeOn(DateOnly date)
    {
        if (PatientBirthDate is not { } born)
        {
            return null;
        }

        var age = date.Year - born.Year;
        return born.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>Every day a line of the claim covers: the dates whose sent lines history must hold.</summary>
    public IReadOnlyCollection<DateOnly> ServiceDates
    {
        get
        {
            var dates = new HashSet<DateOnly>();
            foreach (var line in Lines)
            {
                // Counted, not walked to the day after the last: that day may not exist (9999-12-31).
                for (var d = 0; d < line.Days; d++)
                {
                    dates.Add(line.ServiceDate.AddDays(d));
                }
            }

            return dates;
        }
    }

    /// <summary>The claims whose sent lines this claim must not pair with: itself, and the claim it replaces or voids.</summary>
    public IReadOnlyList<string> ClaimsItStandsFor => OriginalClaimId.Length > 0 && OriginalClaimId != ClaimId ? [ClaimId, OriginalClaimId] : [ClaimId];
}
