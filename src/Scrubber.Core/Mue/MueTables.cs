using Scrubber.Core.Claims;

namespace Scrubber.Core.Mue;

/// <summary>The MUE tables in force, one set per kind of provider; a kind not configured is null.</summary>
public sealed record MueTables(MueTableSet? Practitioner, MueTableSet? OutpatientHospital, MueTableSet? Dme)
{
    /// <summary>No MUE table: every line is "not evaluated".</summary>
    public static MueTables None { get; } = new(null, null, null);

    /// <summary>The table a claim of this setting is edited with: OPH claims the outpatient hospital table, DME claims
    /// the DME supplier table, professional claims the practitioner table.</summary>
    public MueTableSet? For(CareSetting setting) => setting switch
    {
        CareSetting.OutpatientHospital => OutpatientHospital,
        CareSetting.Dme => Dme,
        _ => Practitioner,
    };

    /// <summary>Every resident release of the three tables.</summary>
    public IEnumerable<MueTable> AllReleases =>
        (Practitioner?.Releases ?? []).Concat(OutpatientHospital?.Releases ?? []).Concat(Dme?.Releases ?? []);
}
