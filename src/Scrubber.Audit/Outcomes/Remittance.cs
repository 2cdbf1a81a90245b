using System.Collections.Immutable;

namespace Scrubber.Audit.Outcomes;

/// <summary>An 835 file as the store ingests it: the claims in file order. Built from the parsed X12 by the host.</summary>
/// <param name="Sha256">The file's content hash, which makes ingestion idempotent.</param>
/// <param name="Name">The file name, for reports.</param>
/// <param name="Claims">Every CLP, in file order (reversals before the corrections that follow them).</param>
public sealed record Remittance(string Sha256, string Name, ImmutableArray<RemittanceClaim> Claims);

/// <summary>One CLP loop.</summary>
public sealed record RemittanceClaim(
    string ClaimId,
    string Status,
    decimal Charge,
    decimal Paid,
    string PayerClaimNumber,
    DateOnly? PaidOn,
    ImmutableArray<RemittanceAdjustment> Adjustments,
    ImmutableArray<RemittanceLine> Lines)
{
    /// <summary>CLP02 = 22: the payer takes back an earlier payment of this claim.</summary>
    public bool IsReversal => Status == "22";
}

/// <summary>One SVC loop.</summary>
public sealed record RemittanceLine(
    string LineControlNumber,
    string ProcedureCode,
    ImmutableArray<string> Modifiers,
    string OriginalProcedureCode,
    DateOnly? ServiceDate,
    decimal Charge,
    decimal Paid,
    ImmutableArray<RemittanceAdjustment> Adjustments,
    ImmutableArray<string> RemarkCodes)
{
    /// <summary>The family this line's denial counts under and the group code that decided it; null when the line
    /// was not denied.</summary>
    public (string Family, string Group)? Denial() =>
        DenialFamilies.OfLine([.. Adjustments.Select(a => (a.Group, a.Reason))], RemarkCodes, paidNothing: Paid <= 0 && Charge > 0);
}

/// <summary>One CAS triplet: group (CO, PR, OA, PI), reason code (CARC), amount, quantity.</summary>
public sealed record RemittanceAdjustment(string Group, string Reason, decimal Amount, decimal? Quantity);
