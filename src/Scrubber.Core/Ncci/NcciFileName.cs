using System.Globalization;
using System.Text.RegularExpressions;

namespace Scrubber.Core.Ncci;

/// <summary>What a PTP file name says: program, table, version and part. Medicare: <c>ccipra-v322r0-f1.TXT</c> (CMS's
/// names). Medicaid: <c>MCD-PTP-PRA-v2026q3-F1.txt</c> (assumed, see rules/ncci/README.md).</summary>
/// <param name="Kind">Practitioner (<c>ccipra</c>, <c>PRA</c>) or outpatient hospital (<c>ccioph</c>, <c>OPH</c>).</param>
/// <param name="Version">The release, e.g. <c>v322r0</c> (Medicare: version 32.2, revision 0) or <c>v2026q3r0</c>
/// (Medicaid: 2026, third quarter, revision 0).</param>
/// <param name="Part">The part number (CMS splits a table into f1..f4 by column 1 code range).</param>
/// <param name="AppliesFrom">The first day of the quarter the release is for.</param>
public sealed partial record NcciFileName(NcciTableKind Kind, string Version, int Part, DateOnly AppliesFrom)
{
    /// <summary>The most digits a revision or part number has: CMS issues f1–f4 and r0–r3.</summary>
    private const int MaxDigits = 2;

    /// <summary>Medicare or Medicaid; Medicare unless the name is a Medicaid one.</summary>
    public NcciProgram Program { get; init; }

    /// <summary>The table and version as reported by the service, e.g. <c>ccipra-v322r0</c> or <c>mcd-ptp-pra-v2026q3r0</c>.</summary>
    public string TableVersion => $"{Stem(Program, Kind).ToLowerInvariant()}-{Version}";

    /// <summary>The part as CMS names it, e.g. <c>f1</c>.</summary>
    public string PartName => $"f{Part}";

    /// <summary>The CMS file stem of a Medicare table.</summary>
    public static string Stem(NcciTableKind kind) => Stem(NcciProgram.Medicare, kind);

    /// <summary>The file stem of a table: <c>ccipra</c>, <c>ccioph</c>, <c>MCD-PTP-PRA</c> or <c>MCD-PTP-OPH</c>.</summary>
    public static string Stem(NcciProgram program, NcciTableKind kind) => (program, kind) switch
    {
        (NcciProgram.Medicaid, NcciTableKind.OutpatientHospital) => "MCD-PTP-OPH",
        (NcciProgram.Medicaid, _) => "MCD-PTP-PRA",
        (_, NcciTableKind.OutpatientHospital) => "ccioph",
        _ => "ccipra",
    };

    /// <summary>Finds a PTP name anywhere in a file or zip name, in any case; false when the name is not one or its
    /// numbers are out of range.</summary>
    public static bool TryParse(string fileName, out NcciFileName name)
    {
        name = Read(fileName, out _)!;
        return name is not null;
    }

    /// <summary>What a PTP file name says, or null when it is not named like one.</summary>
    /// <param name="fileName">The file or zip entry name.</param>
    /// <param name="display">How an error names the file (its path, or <c>zip!entry</c>).</param>
    /// <exception cref="NcciLoadException">The name is a PTP name whose version or part is out of range: a file named
    /// that way is meant to be loaded, so it is refused naming it rather than skipped.</exception>
    /// <remarks>
    /// Medicare: the major version tracks the year (32 = 2026) and the minor digit the quarter (v322 = July 2026), so
    /// a release's first date of service comes from its name (domain.md §1.1). Mid-quarter reissues bump only rN.
    /// Medicaid: the year and quarter are written out (v2026q3 = July 2026), as in the Medicaid file names of the
    /// Medicaid NCCI Edit Design Manual.
    /// </remarks>
    public static NcciFileName? Parse(string fileName, string display)
    {
        var name = Read(fileName, out var problem);
        return problem is null ? name : throw new NcciLoadException($"'{display}': {problem}");
    }

    /// <summary>The name, or null with <paramref name="problem"/> saying why when it is named like a PTP file but out
    /// of range (null problem: not a PTP name at all).</summary>
    private static NcciFileName? Read(string fileName, out string? problem)
    {
        problem = null;
        var medicaid = MedicaidPattern().Match(fileName);
        if (medicaid.Success)
        {
            return ReadMedicaid(medicaid, out problem);
        }

        var match = StemPattern().Match(fileName);
        if (!match.Success)
        {
            return null;
        }

        // Checked as text before any number is made of them: a name is outside input, and 'f99999999999' must be
        // refused for what it is, not overflow an int.
        var release = match.Groups["release"].Value;
        if (release.Length != 3 || release[2] > '3')
        {
            problem = $"the version v{Clip(release)} is out of range (two digits of year and one of quarter, 0–3, as in v322)";
            return null;
        }

        var revision = RevisionNumber(match.Groups["revision"].Value, ref problem);
        var part = PartNumber(match.Groups["part"].Value, ref problem);
        if (problem is not null)
        {
            return null;
        }

        var kind = match.Groups["stem"].Value.Equals("ccipra", StringComparison.OrdinalIgnoreCase)
            ? NcciTableKind.Practitioner
            : NcciTableKind.OutpatientHospital;
        var major = int.Parse(release.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var quarter = release[2] - '0';
        var version = string.Create(CultureInfo.InvariantCulture, $"v{major}{quarter}r{revision}");
        return new NcciFileName(kind, version, part, new DateOnly(1994 + major, 1 + (3 * quarter), 1));
    }

    private static NcciFileName? ReadMedicaid(Match match, out string? problem)
    {
        problem = null;
        var year = match.Groups["year"].Value;
        var quarter = match.Groups["quarter"].Value;

        // Medicaid NCCI began in 2010 (domain.md §1.5); four digits bound the year before it becomes a number.
        if (year.Length != 4 || string.CompareOrdinal(year, "2010") < 0)
        {
            problem = $"the year {Clip(year)} in v{Clip(year)}q{Clip(quarter)} is out of range (four digits from 2010, as in v2026q3)";
            return null;
        }

        if (quarter.Length != 1 || quarter[0] is < '1' or > '4')
        {
            problem = $"the quarter q{Clip(quarter)} is out of range (q1 to q4, as in v2026q3)";
            return null;
        }

        var revision = RevisionNumber(match.Groups["revision"].Value, ref problem);
        var part = match.Groups["part"].Success ? PartNumber(match.Groups["part"].Value, ref problem) : 1;
        if (problem is not null)
        {
            return null;
        }

        var kind = match.Groups["table"].Value.Equals("OPH", StringComparison.OrdinalIgnoreCase)
            ? NcciTableKind.OutpatientHospital
            : NcciTableKind.Practitioner;
        var q = quarter[0] - '0';
        var version = string.Create(CultureInfo.InvariantCulture, $"v{year}q{q}r{revision}");
        return new NcciFileName(kind, version, part, new DateOnly(int.Parse(year, CultureInfo.InvariantCulture), 1 + (3 * (q - 1)), 1))
        {
            Program = NcciProgram.Medicaid,
        };
    }

    private static int RevisionNumber(string digits, ref string? problem)
    {
        if (digits.Length == 0)
        {
            return 0;
        }

        if (digits.Length > MaxDigits)
        {
            problem ??= $"the revision r{Clip(digits)} is out of range (r0 to r99)";
            return 0;
        }

        return int.Parse(digits, CultureInfo.InvariantCulture);
    }

    private static int PartNumber(string digits, ref string? problem)
    {
        if (digits.Length > MaxDigits || digits.All(c => c == '0'))
        {
            problem ??= $"the part f{Clip(digits)} is out of range (f1 to f99)";
            return 0;
        }

        return int.Parse(digits, CultureInfo.InvariantCulture);
    }

    private static string Clip(string digits) => digits.Length > 12 ? digits[..12] + "…" : digits;

    [GeneratedRegex(@"(?<stem>ccipra|ccioph)-v(?<release>\d+)r(?<revision>\d+)-f(?<part>\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StemPattern();

    [GeneratedRegex(@"MCD[-_]PTP[-_](?<table>PRA|OPH)[-_]v(?<year>\d+)q(?<quarter>\d+)(?:r(?<revision>\d+))?(?:[-_]f(?<part>\d+))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MedicaidPattern();
}
