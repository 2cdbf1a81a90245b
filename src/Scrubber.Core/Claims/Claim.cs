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
    ImmutableArray<ClaimLine> Lines);
