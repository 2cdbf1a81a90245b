namespace Scrubber.Server.Ncci;

/// <summary>Where the NCCI PTP tables come from; the <c>Ncci</c> section of the settings.</summary>
/// <remarks>
/// Each entry is a CMS zip, a <c>.TXT</c> part, or a folder of them; relative paths resolve against the content root
/// (the server project folder under <c>dotnet run</c>). Files of several releases may be listed together: each
/// release is indexed on its own and edits the dates of service of its quarter.
/// </remarks>
public sealed class NcciOptions
{
    public const string Section = "Ncci";

    /// <summary>Practitioner table (ccipra) files, folders or zips. Default: the bundled sample under <c>rules/ncci/practitioner</c>.</summary>
    public List<string> Practitioner { get; } = [];

    /// <summary>Outpatient hospital table (ccioph) files, folders or zips. Default: the bundled sample under <c>rules/ncci/outpatient-hospital</c>.</summary>
    public List<string> OutpatientHospital { get; } = [];

    /// <summary>Medicaid practitioner PTP files (<c>MCD-PTP-PRA-v2026q3-F1.txt</c>), folders or zips, for packs with
    /// <c>"ncciProgram": "medicaid"</c>. Default: the generated sample under <c>rules/ncci/medicaid/practitioner</c>.
    /// Empty: no Medicaid practitioner table, and a Medicaid pack that needs it is refused.</summary>
    public List<string> MedicaidPractitioner { get; } = [];

    /// <summary>Medicaid outpatient hospital PTP files (<c>MCD-PTP-OPH-…</c>), folders or zips. Default: the generated
    /// sample under <c>rules/ncci/medicaid/outpatient-hospital</c>.</summary>
    public List<string> MedicaidOutpatientHospital { get; } = [];
}

/// <summary>Where the MUE tables come from; the <c>Mue</c> section of the settings. Each entry is a CMS MUE CSV, a
/// folder of them, or the CMS zip; relative paths resolve against the content root. Several quarters may be listed:
/// each line is edited with the file in force on its date of service. A table left empty is not loaded, and the lines
/// it would edit are reported as not evaluated.</summary>
public sealed class MueOptions
{
    public const string Section = "Mue";

    /// <summary>Practitioner services MUE files (<c>MCR_MUE_PractitionerServices_Eff_MM-DD-YYYY.csv</c>): professional claims.</summary>
    public List<string> Practitioner { get; } = [];

    /// <summary>Outpatient hospital services MUE files: outpatient hospital claims.</summary>
    public List<string> OutpatientHospital { get; } = [];

    /// <summary>DME supplier services MUE files: DME claims.</summary>
    public List<string> Dme { get; } = [];

    /// <summary>Medicaid practitioner services MUE files (<c>MCD_MUE_PractitionerServices_Eff_MM-DD-YYYY.csv</c>), for
    /// packs with <c>"ncciProgram": "medicaid"</c>. Default: the generated sample under <c>rules/ncci/medicaid/mue/practitioner</c>.</summary>
    public List<string> MedicaidPractitioner { get; } = [];

    /// <summary>Medicaid outpatient hospital services MUE files. Default: the generated sample under
    /// <c>rules/ncci/medicaid/mue/outpatient-hospital</c>.</summary>
    public List<string> MedicaidOutpatientHospital { get; } = [];

    /// <summary>Medicaid DME supplier services MUE files. Default: none.</summary>
    public List<string> MedicaidDme { get; } = [];
}

/// <summary>Where the physician fee schedule RVU files come from; the <c>Pfs</c> section of the settings.</summary>
public sealed class PfsOptions
{
    public const string Section = "Pfs";

    /// <summary>CMS PPRRVU files (<c>PPRRVU2026_Jul_nonQPP.csv</c>), folders or the CMS RVU zips; several releases may be
    /// listed, each date of service is looked up in the release in force on it. Empty: no fee schedule table.</summary>
    public List<string> Files { get; } = [];
}

/// <summary>Where the add-on code edits come from; the <c>AddOnCodes</c> section of the settings.</summary>
public sealed class AddOnCodeOptions
{
    public const string Section = "AddOnCodes";

    /// <summary>CMS add-on code edit files (<c>AOC_V2026Q3-MCR.txt</c>), folders or zips; several quarters may be listed,
    /// each line is edited with the release in force on its date of service. Empty: no add-on code edits.</summary>
    public List<string> Files { get; } = [];
}
