using System.Globalization;
using System.Text.RegularExpressions;

namespace Scrubber.Core.Ncci;

/// <summary>What a CMS PTP file name says: table, version and part, e.g. <c>ccipra-v322r0-f1.TXT</c>.</summary>
/// <param name="Kind">Practitioner (<c>ccipra</c>) or outpatient hospital (<c>ccioph</c>).</param>
/// <param name="Version">The release, e.g. <c>v322r0</c>: version 32.2, revision 0.</param>
/// <param name="Part">The part number (CMS splits each table into f1..f4 by column 1 code range).</param>
/// <param name="AppliesFrom">The first day of the quarter the release is for.</param>
public sealed partial record NcciFileName(NcciTableKind Kind, string Version, int Part, DateOnly AppliesFrom)
{
    /// <summary>The most digits a revision or part number has: CMS issues f1–f4 and r0–r3.</summary>
    private const int MaxDigits = 2;

    /// <summary>The table and version as reported by the service, e.g. <c>ccipra-v322r0</c>.</summary>
    public string TableVersion => $"{Stem(Kind)}-{Version}";

    /// <summary>The part as CMS names it, e.g. <c>f1</c>.</summary>
    public string PartName => $"f{Part}";

    /// <summary>The CMS file stem of a table.</summary>
    public static string Stem(NcciTableKind kind) => kind == NcciTableKind.Practitioner ? "ccipra" : "ccioph";

    /// <summary>Finds the CMS stem anywhere in a file or zip name, in any case; false when the name is not a CMS PTP
    /// name or its numbers are out of range.</summary>
    public static bool TryParse(string fileName, out NcciFileName name)
    {
        name = Read(fileName, out _)!;
        return name is not null;
    }

    /// <summary>What a CMS PTP file name says, or null when it is not named like one.</summary>
    /// <param name="fileName">The file or zip entry name.</param>
    /// <param name="display">How an error names the file (its path, or <c>zip!entry</c>).</param>
    /// <exception cref="NcciLoadException">The name is a CMS PTP name whose version or part is out of range: a file
    /// named that way is meant to be loaded, so it is refused naming it rather than skipped.</exception>
    /// <remarks>
    /// The major version tracks the year (32 = 2026) and the minor digit the quarter (v322 = July 2026), so a
    /// release's first date of service comes from its name (domain.md §1.1). Mid-quarter reissues bump only rN.
    /// </remarks>
    public static NcciFileName? Parse(string fileName, string display)
    {
        var name = Read(fileName, out var problem);
        return problem is null ? name : throw new NcciLoadException($"'{display}': {problem}");
    }

    /// <summary>The name, or null with <paramref name="problem"/> saying why when it is named like a CMS file but out of
    /// range (null problem: not a CMS name at all).</summary>
    private static NcciFileName? Read(string fileName, out string? problem)
    {
        problem = null;
        var match = StemPattern().Match(fileName);
        if (!match.Success)
        {
            return null;
        }

        // Checked as text before any number is made of them: a name is outside input, and 'f99999999999' must be
        // refused for what it is, not overflow an int.
        var release = match.Groups["release"].Value;
        var revision = match.Groups["revision"].Value;
        var part = match.Groups["part"].Value;
        if (release.Length != 3 || release[2] > '3')
        {
            problem = $"the version v{Clip(release)} is out of range (two digits of year and one of quarter, 0–3, as in v322)";
        }
        else if (revision.Length > MaxDigits)
        {
            problem = $"the revision r{Clip(revision)} is out of range (r0 to r99)";
        }
        else if (part.Length > MaxDigits || part.All(c => c == '0'))
        {
            problem = $"the part f{Clip(part)} is out of range (f1 to f99)";
        }

        if (problem is not null)
        {
            return null;
        }

        var kind = match.Groups["stem"].Value.Equals("ccipra", StringComparison.OrdinalIgnoreCase)
            ? NcciTableKind.Practitioner
            : NcciTableKind.OutpatientHospital;
        var major = int.Parse(release.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var quarter = release[2] - '0';
        var version = string.Create(CultureInfo.InvariantCulture, $"v{major}{quarter}r{int.Parse(revision, CultureInfo.InvariantCulture)}");
        return new NcciFileName(kind, version, int.Parse(part, CultureInfo.InvariantCulture), new DateOnly(1994 + major, 1 + (3 * quarter), 1));
    }

    private static string Clip(string digits) => digits.Length > 12 ? digits[..12] + "…" : digits;

    [GeneratedRegex(@"(?<stem>ccipra|ccioph)-v(?<release>\d+)r(?<revision>\d+)-f(?<part>\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StemPattern();
}
