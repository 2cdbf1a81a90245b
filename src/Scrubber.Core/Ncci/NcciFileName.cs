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
    /// <summary>The table and version as reported by the service, e.g. <c>ccipra-v322r0</c>.</summary>
    public string TableVersion => $"{Stem(Kind)}-{Version}";

    /// <summary>The part as CMS names it, e.g. <c>f1</c>.</summary>
    public string PartName => $"f{Part}";

    /// <summary>The CMS file stem of a table.</summary>
    public static string Stem(NcciTableKind kind) => kind == NcciTableKind.Practitioner ? "ccipra" : "ccioph";

    /// <summary>Finds the CMS stem anywhere in a file or zip name, in any case.</summary>
    /// <remarks>
    /// The major version tracks the year (32 = 2026) and the minor digit the quarter (v322 = July 2026), so a
    /// release's first date of service comes from its name (domain.md §1.1). Mid-quarter reissues bump only rN.
    /// </remarks>
    public static bool TryParse(string fileName, out NcciFileName name)
    {
        name = null!;
        var match = StemPattern().Match(fileName);
        if (!match.Success)
        {
            return false;
        }

        var kind = match.Groups["stem"].Value.Equals("ccipra", StringComparison.OrdinalIgnoreCase)
            ? NcciTableKind.Practitioner
            : NcciTableKind.OutpatientHospital;
        var major = int.Parse(match.Groups["major"].ValueSpan, CultureInfo.InvariantCulture);
        var quarter = match.Groups["minor"].ValueSpan[0] - '0';
        if (quarter > 3)
        {
            return false;
        }

        var version = string.Create(CultureInfo.InvariantCulture, $"v{major}{quarter}r{match.Groups["revision"].ValueSpan}");
        var part = int.Parse(match.Groups["part"].ValueSpan, CultureInfo.InvariantCulture);
        name = new NcciFileName(kind, version, part, new DateOnly(1994 + major, 1 + (3 * quarter), 1));
        return true;
    }

    [GeneratedRegex(@"(?<stem>ccipra|ccioph)-v(?<major>\d{2})(?<minor>\d)r(?<revision>\d+)-f(?<part>\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StemPattern();
}
