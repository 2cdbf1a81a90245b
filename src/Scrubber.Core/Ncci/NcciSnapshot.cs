namespace Scrubber.Core.Ncci;

/// <summary>The NCCI tables in force: built off to the side, then published whole by swapping one reference.</summary>
/// <param name="Practitioner">The practitioner table releases, or null when none is configured.</param>
/// <param name="OutpatientHospital">The outpatient hospital table releases, or null when none is configured.</param>
/// <param name="LoadedAt">When the snapshot was built.</param>
public sealed record NcciSnapshot(NcciTableSet? Practitioner, NcciTableSet? OutpatientHospital, DateTimeOffset LoadedAt)
{
    /// <summary>The releases of one table, or null when that table is not configured.</summary>
    public NcciTableSet? For(NcciTableKind kind) =>
        kind == NcciTableKind.OutpatientHospital ? OutpatientHospital : Practitioner;

    /// <summary>Every resident release of both tables.</summary>
    public IEnumerable<PtpTable> AllReleases =>
        (Practitioner?.Releases ?? []).Concat(OutpatientHospital?.Releases ?? []);
}
