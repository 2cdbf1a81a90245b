namespace Scrubber.Testing;

/// <summary>Paths inside the repository, found from the test binaries by walking up to Scrubber.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The real CMS practitioner excerpt shipped as the sample table (ccipra v322r0 f1, first 160 lines).</summary>
    public static string PractitionerExcerpt => Path.Combine(Root, "rules", "ncci", "practitioner", "ccipra-v322r0-f1.excerpt.txt");

    /// <summary>The outpatient hospital sample (two quoted ccioph v323r0 rows).</summary>
    public static string OutpatientSample => Path.Combine(Root, "rules", "ncci", "outpatient-hospital", "ccioph-v323r0-f1.sample.txt");

    /// <summary>The real CMS practitioner MUE excerpt shipped as the sample MUE table (effective 2026-07-01).</summary>
    public static string MueExcerpt => Path.Combine(Root, "rules", "ncci", "mue", "practitioner", "MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv");

    /// <summary>The add-on code sample, written by hand from public examples in the assumed CMS layout (AOC_V2026Q3).</summary>
    public static string AddOnSample => Path.Combine(Root, "rules", "ncci", "add-on", "AOC_V2026Q3-MCR.sample.txt");

    /// <summary>The fee schedule RVU sample, generated (not a CMS file): the codes the sample claims and tests use.</summary>
    public static string PfsSample => Path.Combine(Root, "rules", "ncci", "pfs", "PPRRVU2026_Jul_nonQPP.sample.csv");

    /// <summary>The Medicaid practitioner PTP sample, generated in the assumed layout (MCD-PTP-PRA v2026q3).</summary>
    public static string MedicaidPractitionerSample => Path.Combine(Root, "rules", "ncci", "medicaid", "practitioner", "MCD-PTP-PRA-v2026q3-F1.sample.txt");

    /// <summary>The Medicaid outpatient hospital PTP sample, generated (MCD-PTP-OPH v2026q3).</summary>
    public static string MedicaidOutpatientSample => Path.Combine(Root, "rules", "ncci", "medicaid", "outpatient-hospital", "MCD-PTP-OPH-v2026q3-F1.sample.txt");

    /// <summary>The Medicaid practitioner MUE sample, generated (effective 2026-07-01).</summary>
    public static string MedicaidMuePractitionerSample =>
        Path.Combine(Root, "rules", "ncci", "medicaid", "mue", "practitioner", "MCD_MUE_PractitionerServices_Eff_07-01-2026.sample.csv");

    /// <summary>The Medicaid outpatient hospital MUE sample, generated (effective 2026-07-01).</summary>
    public static string MedicaidMueOutpatientSample =>
        Path.Combine(Root, "rules", "ncci", "medicaid", "mue", "outpatient-hospital", "MCD_MUE_OutpatientHospitalServices_Eff_07-01-2026.sample.csv");

    /// <summary>The shipped payer packs.</summary>
    public static string Packs => Path.Combine(Root, "rules", "packs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scrubber.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Scrubber.sln not found above " + AppContext.BaseDirectory);
    }
}
