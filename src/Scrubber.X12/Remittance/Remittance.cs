using System.Collections.Immutable;

namespace Scrubber.X12.Remittance;

/// <summary>One 835 transaction set: one payment (or notice) from one payer to one payee.</summary>
/// <param name="ControlNumber">ST02.</param>
/// <param name="PayerName">N1*PR N102, when present.</param>
/// <param name="PayeeNpi">N1*PE N104 when N103 is XX (an NPI); null for a tax id or when absent.</param>
/// <param name="TraceNumber">TRN02: the check or EFT trace number that ties the remittance to the money.</param>
/// <param name="PaymentAmount">BPR02: the total paid; 0 for a notice with no payment.</param>
/// <param name="PaymentDate">BPR16, when present.</param>
/// <param name="Claims">The CLP loops, in file order.</param>
/// <param name="ByteOffset">Where the ST starts in the file.</param>
public sealed record Remittance(
    string ControlNumber,
    string? PayerName,
    string? PayeeNpi,
    string? TraceNumber,
    decimal PaymentAmount,
    DateOnly? PaymentDate,
    ImmutableArray<ClaimPayment> Claims,
    long ByteOffset);
