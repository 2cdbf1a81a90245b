using System.Collections.Immutable;

namespace Scrubber.Generators;

/// <summary>What a generated 835 says about one claim: how the payer adjudicated it.</summary>
/// <param name="ClaimId">CLP01: the claim id as it was sent.</param>
/// <param name="Status">CLP02: "1" processed as primary, "4" denied, "22" reversal of an earlier payment.</param>
/// <param name="PayerClaimNumber">CLP07, the payer's own claim number.</param>
/// <param name="Lines">The service lines.</param>
/// <param name="Patient">The patient as NM1*QC names them; null: a made-up one.</param>
public sealed record RemitClaimSpec(string ClaimId, string Status, string PayerClaimNumber, ImmutableArray<RemitLineSpec> Lines, RemitPatient? Patient = null);

/// <summary>The patient of a claim in an 835 (NM1*QC): last and first name, and the member id (NM109, qualifier MI).</summary>
public sealed record RemitPatient(string LastName, string FirstName, string MemberId);

/// <summary>One adjudicated service line.</summary>
/// <param name="LineId">REF*6R as sent, or null when the payer dropped it.</param>
/// <param name="Code">The procedure code adjudicated (SVC01-2).</param>
/// <param name="Modifiers">Its modifiers.</param>
/// <param name="ServiceDate">DTM*472.</param>
/// <param name="Charge">SVC02.</param>
/// <param name="Paid">SVC03.</param>
/// <param name="Adjustments">CAS triplets: group, reason, amount.</param>
/// <param name="OriginalCode">SVC06 when the payer changed the code, else null.</param>
/// <param name="Remarks">LQ*HE remark codes (RARC) beyond the M15 a CO-97 line always gets; default none.</param>
public sealed record RemitLineSpec(
    string? LineId,
    string Code,
    ImmutableArray<string> Modifiers,
    DateOnly ServiceDate,
    decimal Charge,
    decimal Paid,
    ImmutableArray<(string Group, string Reason, decimal Amount)> Adjustments,
    string? OriginalCode = null,
    ImmutableArray<string> Remarks = default);
