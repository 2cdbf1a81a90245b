using Scrubber.Core.Mue;
using Scrubber.Core.Ncci;
using Scrubber.Core.Pfs;

namespace Scrubber.Testing;

/// <summary>The shipped sample tables, loaded once through the real loader.</summary>
public static class SampleTables
{
    private static readonly Lazy<NcciTableSet> LazyPractitioner = new(() =>
        NcciLoader.Load(NcciTableKind.Practitioner, "Ncci:Practitioner", [RepositoryPaths.PractitionerExcerpt], new RecordingLoadReport()));

    private static readonly Lazy<NcciTableSet> LazyOutpatient = new(() =>
        NcciLoader.Load(NcciTableKind.OutpatientHospital, "Ncci:OutpatientHospital", [RepositoryPaths.OutpatientSample], new RecordingLoadReport()));

    private static readonly Lazy<MueTableSet> LazyMue = new(() =>
        MueLoader.Load(MueTableKind.Practitioner, "Mue:Practitioner", [RepositoryPaths.MueExcerpt], new RecordingLoadReport()));

    private static readonly Lazy<PfsTableSet> LazyPfs = new(() =>
        PfsLoader.Load("Pfs:Files", [RepositoryPaths.PfsSample], new RecordingLoadReport()));

    private static readonly Lazy<MedicaidNcciTables> LazyMedicaid = new(() =>
    {
        var report = new RecordingLoadReport();
        return new MedicaidNcciTables(
            NcciLoader.Load(NcciProgram.Medicaid, NcciTableKind.Practitioner, "Ncci:MedicaidPractitioner", [RepositoryPaths.MedicaidPractitionerSample], report),
            NcciLoader.Load(NcciProgram.Medicaid, NcciTableKind.OutpatientHospital, "Ncci:MedicaidOutpatientHospital", [RepositoryPaths.MedicaidOutpatientSample], report),
            new MueTables(
                MueLoader.Load(NcciProgram.Medicaid, MueTableKind.Practitioner, "Mue:MedicaidPractitioner", [RepositoryPaths.MedicaidMuePractitionerSample], report),
                MueLoader.Load(NcciProgram.Medicaid, MueTableKind.OutpatientHospital, "Mue:MedicaidOutpatientHospital", [RepositoryPaths.MedicaidMueOutpatientSample], report),
                null));
    });

    /// <summary>The generated fee schedule sample (from 2026-07-01: 27447 090, 10060 010, 11042 000, 17999 YYY, …).</summary>
    public static PfsTableSet Pfs => LazyPfs.Value;

    /// <summary>Both PTP sample tables with the fee schedule sample, for global surgery.</summary>
    public static NcciSnapshot WithPfs => Snapshot with { Pfs = Pfs };

    /// <summary>The generated Medicaid samples: both PTP tables and the practitioner and outpatient hospital MUE tables.</summary>
    public static MedicaidNcciTables Medicaid => LazyMedicaid.Value;

    /// <summary>The real practitioner MUE excerpt (effective 2026-07-01, 44 PLA and MAAA codes).</summary>
    public static MueTableSet MuePractitioner => LazyMue.Value;

    /// <summary>Both PTP sample tables with these MUE tables.</summary>
    public static NcciSnapshot WithMue(MueTables mue) => Snapshot with { Mue = mue };

    /// <summary>ccipra v322r0 f1, the real first 160 lines.</summary>
    public static NcciTableSet Practitioner => LazyPractitioner.Value;

    public static NcciTableSet Outpatient => LazyOutpatient.Value;

    /// <summary>Both Medicare sample tables, and the Medicaid samples, as the service holds them.</summary>
    public static NcciSnapshot Snapshot => new(Practitioner, Outpatient, DateTimeOffset.UnixEpoch) { Medicaid = Medicaid };

    /// <summary>A snapshot holding <paramref name="practitioner"/> (and the outpatient and Medicaid samples).</summary>
    public static NcciSnapshot With(NcciTableSet practitioner) => new(practitioner, Outpatient, DateTimeOffset.UnixEpoch) { Medicaid = Medicaid };
}
