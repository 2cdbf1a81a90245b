namespace Scrubber.Core.Ncci;

/// <summary>The NCCI tables in force (PTP pairs, MUE units, add-on codes and the fee schedule's global periods): built off to the side, then published whole by swapping one reference.</summary>
/// <param name="Practitioner">The practitioner table releases, or null when none is configured.</param>
/// <param name="OutpatientHospital">The outpatient hospital table releases, or null when none is configured.</param>
/// <param name="LoadedAt">When the snapshot was built.</param>
public sealed record NcciSnapshot(NcciTableSet? Practitioner, NcciTableSet? OutpatientHospital, DateTimeOffset LoadedAt)
{
    /// <summary>The MUE tables (practitioner, outpatient hospital, DME supplier); none by default.</summary>
    public Mue.MueTables Mue { get; init; } = Scrubber.Core.Mue.MueTables.None;

    /// <summary>The add-on code edit releases, or null when none is configured.</summary>
    public AddOnCodes.AddOnCodeTableSet? AddOnCodes { get; init; }

    /// <summary>The physician fee schedule RVU releases (global periods, surgery indicators), or null when none is configured.</summary>
    public Pfs.PfsTableSet? Pfs { get; init; }

    /// <summary>The releases of one table, or null when that table is not configured.</summary>
    public NcciTableSet? For(NcciTableKind kind) =>
        kind == NcciTableKind.OutpatientHospital ? OutpatientHospital : Practitioner;

    /// <summary>Every resident release of both tables.</summary>
    public IEnumerable<PtpTable> AllReleases =>
        (Practitioner?.Releases ?? []).Concat(OutpatientHospital?.Releases ?? []);
}
