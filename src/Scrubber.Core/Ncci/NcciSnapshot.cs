namespace Scrubber.Core.Ncci;

/// <summary>The NCCI tables in force (PTP pairs, MUE units, add-on codes and the fee schedule's global periods, Medicare's
/// and Medicaid's): built off to the side, then published whole by swapping one reference.</summary>
/// <param name="Practitioner">The Medicare practitioner table releases, or null when none is configured.</param>
/// <param name="OutpatientHospital">The Medicare outpatient hospital table releases, or null when none is configured.</param>
/// <param name="LoadedAt">When the snapshot was built.</param>
public sealed record NcciSnapshot(NcciTableSet? Practitioner, NcciTableSet? OutpatientHospital, DateTimeOffset LoadedAt)
{
    /// <summary>The Medicare MUE tables (practitioner, outpatient hospital, DME supplier); none by default.</summary>
    public Mue.MueTables Mue { get; init; } = Scrubber.Core.Mue.MueTables.None;

    /// <summary>The Medicaid PTP and MUE tables; none by default.</summary>
    public MedicaidNcciTables Medicaid { get; init; } = MedicaidNcciTables.None;

    /// <summary>The add-on code edit releases, or null when none is configured.</summary>
    public AddOnCodes.AddOnCodeTableSet? AddOnCodes { get; init; }

    /// <summary>The physician fee schedule RVU releases (global periods, surgery indicators), or null when none is configured.</summary>
    public Pfs.PfsTableSet? Pfs { get; init; }

    /// <summary>The releases of one Medicare table, or null when that table is not configured.</summary>
    public NcciTableSet? For(NcciTableKind kind) =>
        kind == NcciTableKind.OutpatientHospital ? OutpatientHospital : Practitioner;

    /// <summary>The releases of one table of <paramref name="program"/>, or null when that table is not configured.</summary>
    public NcciTableSet? For(NcciProgram program, NcciTableKind kind) =>
        program == NcciProgram.Medicaid ? Medicaid.For(kind) : For(kind);

    /// <summary>The MUE tables of <paramref name="program"/>.</summary>
    public Mue.MueTables MueFor(NcciProgram program) => program == NcciProgram.Medicaid ? Medicaid.Mue : Mue;

    /// <summary>Every resident PTP release: Medicare's two tables, then Medicaid's.</summary>
    public IEnumerable<PtpTable> AllReleases =>
        (Practitioner?.Releases ?? []).Concat(OutpatientHospital?.Releases ?? [])
            .Concat(Medicaid.Practitioner?.Releases ?? []).Concat(Medicaid.OutpatientHospital?.Releases ?? []);

    /// <summary>Every resident MUE release: Medicare's, then Medicaid's.</summary>
    public IEnumerable<Mue.MueTable> AllMueReleases => Mue.AllReleases.Concat(Medicaid.Mue.AllReleases);
}
