using Scrubber.Core.Mue;

namespace Scrubber.Core.Ncci;

/// <summary>The setting each table is loaded from, named in load errors, missing-table errors and pack refusals.</summary>
public static class NcciSettingNames
{
    /// <summary>The PTP setting of a program and table, e.g. <c>Ncci:MedicaidPractitioner</c>.</summary>
    public static string Ptp(NcciProgram program, NcciTableKind kind) =>
        $"Ncci:{Prefix(program)}{(kind == NcciTableKind.OutpatientHospital ? "OutpatientHospital" : "Practitioner")}";

    /// <summary>The MUE setting of a program and table, e.g. <c>Mue:MedicaidOutpatientHospital</c>.</summary>
    public static string Mue(NcciProgram program, MueTableKind kind) => $"Mue:{Prefix(program)}{kind}";

    /// <summary>How people read a program and table, e.g. "Medicaid outpatient hospital".</summary>
    public static string Describe(NcciProgram program, NcciTableKind kind) =>
        $"{program} {(kind == NcciTableKind.OutpatientHospital ? "outpatient hospital" : "practitioner")}";

    private static string Prefix(NcciProgram program) => program == NcciProgram.Medicaid ? "Medicaid" : string.Empty;
}
