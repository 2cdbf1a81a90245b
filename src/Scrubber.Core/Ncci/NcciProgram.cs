namespace Scrubber.Core.Ncci;

/// <summary>Whose NCCI edits a table holds: Medicare's, or the separate Medicaid edits states must run (domain.md §1.5).</summary>
/// <remarks>The two programs publish different files: Medicaid adds edits for codes Medicare does not cover (pediatric,
/// obstetric), leaves some Medicare edits out and sets some MUE values differently, so one never stands in for the other.</remarks>
public enum NcciProgram
{
    /// <summary>The Medicare NCCI tables (the default).</summary>
    Medicare,

    /// <summary>The Medicaid NCCI tables.</summary>
    Medicaid,
}
