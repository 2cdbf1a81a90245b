namespace Scrubber.Core.Mue;

/// <summary>How an MUE is applied: the leading digit of the file's "MUE Adjudication Indicator" cell (domain.md §3).</summary>
public enum MueAdjudicationIndicator
{
    /// <summary>MAI 1, "Line Edit": each claim line's units against the MUE; a line over it is denied whole.</summary>
    Line = 1,

    /// <summary>MAI 2, "Date of Service Edit: Policy": the day's units of the code summed; the limit is absolute.</summary>
    DateOfServicePolicy = 2,

    /// <summary>MAI 3, "Date of Service Edit: Clinical": summed the same way; records may support more on appeal.</summary>
    DateOfServiceClinical = 3,
}
