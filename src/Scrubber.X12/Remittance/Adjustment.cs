namespace Scrubber.X12.Remittance;

/// <summary>One CAS adjustment: a group code, a reason code, an amount and an optional quantity.</summary>
/// <param name="Group">CAS01: CO (contractual), PR (patient responsibility), OA (other), PI (payer initiated), CR (correction).</param>
/// <param name="Reason">The claim adjustment reason code (CARC), for example 45, 97, 2.</param>
/// <param name="Amount">The adjusted amount; negative in reversals.</param>
/// <param name="Quantity">The adjusted units, when the payer gives them.</param>
public sealed record Adjustment(string Group, string Reason, decimal Amount, decimal? Quantity);
