using System.Collections.Immutable;

namespace Scrubber.X12.Remittance;

/// <summary>One adjudicated claim (the CLP loop, 2100).</summary>
/// <param name="ClaimId">CLP01: the patient control number the provider sent as CLM01.</param>
/// <param name="Status">CLP02: 1 processed as primary, 2 secondary, 4 denied, 22 reversal of a previous payment, …</param>
/// <param name="Charge">CLP03: the claim charge; negative in a reversal.</param>
/// <param name="Paid">CLP04: what the payer paid.</param>
/// <param name="PatientResponsibility">CLP05, when present.</param>
/// <param name="FilingIndicator">CLP06: 12 PPO, MC Medicaid, MB Medicare Part B, …; null when absent.</param>
/// <param name="PayerClaimNumber">CLP07: the payer's internal control number; null when absent.</param>
/// <param name="Adjustments">Claim-level CAS triplets: those after CLP and before the first SVC.</param>
/// <param name="Lines">The service lines, in file order.</param>
/// <param name="StatementFrom">DTM*232.</param>
/// <param name="StatementTo">DTM*233.</param>
/// <param name="ByteOffset">Where the CLP starts in the file.</param>
public sealed record ClaimPayment(
    string ClaimId,
    string Status,
    decimal Charge,
    decimal Paid,
    decimal? PatientResponsibility,
    string? FilingIndicator,
    string? PayerClaimNumber,
    ImmutableArray<Adjustment> Adjustments,
    ImmutableArray<ServicePayment> Lines,
    DateOnly? StatementFrom,
    DateOnly? StatementTo,
    long ByteOffset)
{
    /// <summary>CLP02 = 22: the payer takes back (reverses) an earlier payment of this claim.</summary>
    public bool IsReversal => Status == "22";
}
