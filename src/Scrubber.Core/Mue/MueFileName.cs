using System.Globalization;
using System.Text.RegularExpressions;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Mue;

/// <summary>What an MUE file name says: the program, the table and the date it takes effect, e.g.
/// <c>MCR_MUE_PractitionerServices_Eff_07-01-2026.csv</c> (domain.md §3), or <c>MCD_MUE_…</c> for Medicaid (assumed: the
/// Medicaid NCCI Edit Design Manual prefixes Medicaid files with MCD, as CMS prefixes Medicare's with MCR).</summary>
/// <param name="Kind">Practitioner, outpatient hospital or DME supplier services.</param>
/// <param name="Effective">The first date of service the file applies to.</param>
public sealed partial record MueFileName(MueTableKind Kind, DateOnly Effective)
{
    /// <summary>Medicare, or Medicaid for a name that starts <c>MCD</c>.</summary>
    public NcciProgram Program { get; init; }

    /// <summary>The release as status and edits name it, e.g. <c>mue-practitioner-2026-07-01</c> or
    /// <c>medicaid-mue-practitioner-2026-07-01</c>.</summary>
    public string Version =>
        $"{(Program == NcciProgram.Medicaid ? "medicaid-" : string.Empty)}mue-{Slug(Kind)}-{Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The CMS file name of a Medicare table in force from <paramref name="effective"/>.</summary>
    public static string CmsName(MueTableKind kind, DateOnly effective) => CmsName(NcciProgram.Medicare, kind, effective);

    /// <summary>The file name of a table of <paramref name="program"/> in force from <paramref name="effective"/>.</summary>
    public static string CmsName(NcciProgram program, MueTableKind kind, DateOnly effective) =>
        $"{(program == NcciProgram.Medicaid ? "MCD" : "MCR")}_MUE_{Stem(kind)}_Eff_{effective.ToString("MM-dd-yyyy", CultureInfo.InvariantCulture)}.csv";

    /// <summary>How the API names a table: "practitioner", "outpatient_hospital" or "dme".</summary>
    public static string TableName(MueTableKind kind) => kind switch
    {
        MueTableKind.OutpatientHospital => "outpatient_hospital",
        MueTableKind.Dme => "dme",
        _ => "practitioner",
    };

    /// <summary>What a file name says, or null when it is not named like a CMS MUE file.</summary>
    /// <param name="fileName">The file or zip entry name.</param>
    /// <param name="display">How an error names the file.</param>
    /// <exception cref="NcciLoadException">The name is a CMS MUE name whose date is not a date: a file named that way is
    /// meant to be loaded, so it is refused naming it rather than skipped.</exception>
    public static MueFileName? Parse(string fileName, string display)
    {
        var match = Pattern().Match(fileName);
        if (!match.Success)
        {
            return null;
        }

        var kind = match.Groups["table"].Value.ToUpperInvariant() switch
        {
            "OUTPATIENTHOSPITAL" => MueTableKind.OutpatientHospital,
            "DME" => MueTableKind.Dme,
            _ => MueTableKind.Practitioner,
        };
        // Two digits of month and day and four of year, checked as text by the pattern: a name cannot overflow a number.
        var date = $"{match.Groups["month"].Value}-{match.Groups["day"].Value}-{match.Groups["year"].Value}";
        var program = match.Groups["program"].Value.Equals("MCD", StringComparison.OrdinalIgnoreCase) ? NcciProgram.Medicaid : NcciProgram.Medicare;
        return DateOnly.TryParseExact(date, "MM-dd-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective)
            ? new MueFileName(kind, effective) { Program = program }
            : throw new NcciLoadException($"'{display}': the effective date {date} in the file name is not a date (expected MM-DD-YYYY, as in MCR_MUE_PractitionerServices_Eff_07-01-2026.csv).");
    }

    private static string Stem(MueTableKind kind) => kind switch
    {
        MueTableKind.OutpatientHospital => "OutpatientHospitalServices",
        MueTableKind.Dme => "DMESupplierServices",
        _ => "PractitionerServices",
    };

    private static string Slug(MueTableKind kind) => kind switch
    {
        MueTableKind.OutpatientHospital => "outpatient-hospital",
        MueTableKind.Dme => "dme",
        _ => "practitioner",
    };

    [GeneratedRegex(@"(?:(?<program>MCR|MCD)_)?MUE_(?<table>Practitioner|OutpatientHospital|DME)[A-Za-z]*_Eff_(?<month>\d{2})-(?<day>\d{2})-(?<year>\d{4})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
