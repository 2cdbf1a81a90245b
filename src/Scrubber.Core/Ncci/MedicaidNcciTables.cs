using Scrubber.Core.Mue;

namespace Scrubber.Core.Ncci;

/// <summary>The Medicaid NCCI tables in force: PTP practitioner and outpatient hospital, and the MUE tables; a table not
/// configured is null (an MUE table: lines not evaluated).</summary>
/// <param name="Practitioner">The Medicaid practitioner PTP releases.</param>
/// <param name="OutpatientHospital">The Medicaid outpatient hospital PTP releases.</param>
/// <param name="Mue">The Medicaid MUE tables.</param>
public sealed record MedicaidNcciTables(NcciTableSet? Practitioner, NcciTableSet? OutpatientHospital, MueTables Mue)
{
    /// <summary>No Medicaid table.</summary>
    public static MedicaidNcciTables None { get; } = new(null, null, MueTables.None);

    /// <summary>The PTP releases of one table, or null when it is not configured.</summary>
    public NcciTableSet? For(NcciTableKind kind) => kind == NcciTableKind.OutpatientHospital ? OutpatientHospital : Practitioner;
}
