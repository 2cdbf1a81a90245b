using System.Collections.Immutable;

namespace Scrubber.X12.Remittance;

/// <summary>One service line of a paid claim (the SVC loop, 2110).</summary>
/// <param name="ProcedureQualifier">SVC01-1: HC (HCPCS/CPT), NU (revenue code), N4 (NDC), …</param>
/// <param name="ProcedureCode">SVC01-2: the code as adjudicated.</param>
/// <param name="Modifiers">SVC01-3 to SVC01-6, the non-empty ones, in order.</param>
/// <param name="Charge">SVC02: the line charge.</param>
/// <param name="Paid">SVC03: what the payer paid for the line.</param>
/// <param name="RevenueCode">SVC04 (institutional), when present.</param>
/// <param name="Units">SVC05: units paid, when present.</param>
/// <param name="OriginalProcedureCode">SVC06-2: the code as submitted, when the payer changed it.</param>
/// <param name="OriginalModifiers">SVC06-3 to SVC06-6, the non-empty ones.</param>
/// <param name="ServiceDate">DTM*472, else the DTM*150 from-date, else the claim's statement from-date.</param>
/// <param name="LineControlNumber">REF*6R: the line item control number sent on the 837, when echoed.</param>
/// <param name="Adjustments">Every triplet of every CAS after this SVC.</param>
/// <param name="RemarkCodes">LQ*HE remittance advice remark codes (RARC).</param>
/// <param name="ByteOffset">Where the SVC starts in the file.</param>
public sealed record ServicePayment(
    string ProcedureQualifier,
    string ProcedureCode,
    ImmutableArray<string> Modifiers,
    decimal Charge,
    decimal Paid,
    string? RevenueCode,
    decimal? Units,
    string? OriginalProcedureCode,
    ImmutableArray<string> OriginalModifiers,
    DateOnly? ServiceDate,
    string? LineControlNumber,
    ImmutableArray<Adjustment> Adjustments,
    ImmutableArray<string> RemarkCodes,
    long ByteOffset);
