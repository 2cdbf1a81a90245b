namespace Scrubber.Audit.Reports;

/// <summary>Report 5: how one payer treats one code pair.</summary>
/// <param name="PayerId">The payer.</param>
/// <param name="Column1">The pair's column 1 code; empty when no edit named a pair.</param>
/// <param name="Column2">The pair's column 2 code, or the denied code.</param>
/// <param name="Pattern">always bundled, conditionally payable, or inappropriately denied.</param>
/// <param name="Paid">Lines of the pair paid.</param>
/// <param name="Denied">Lines of the pair denied in the families covered.</param>
/// <param name="PaidWithModifier">Lines paid that carried a bypass modifier.</param>
public sealed record PatternRow(string PayerId, string Column1, string Column2, string Pattern, int Paid, int Denied, int PaidWithModifier)
{
    /// <summary>The denial family of the pair's denials.</summary>
    public string Family { get; init; } = Outcomes.DenialFamilies.Bundling;

    /// <summary>The most frequent adjustment group of the pair's denials: CO, PR, OA or PI.</summary>
    public string Group { get; init; } = string.Empty;
}
