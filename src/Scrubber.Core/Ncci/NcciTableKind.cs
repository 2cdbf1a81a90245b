namespace Scrubber.Core.Ncci;

/// <summary>The two Medicare NCCI PTP tables, which share one file layout (domain.md §1.1).</summary>
public enum NcciTableKind
{
    /// <summary>Practitioner PTP edits, file stem <c>ccipra</c>.</summary>
    Practitioner,

    /// <summary>Outpatient hospital PTP edits, file stem <c>ccioph</c>.</summary>
    OutpatientHospital,
}
