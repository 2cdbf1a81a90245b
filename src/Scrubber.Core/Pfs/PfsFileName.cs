using System.Globalization;
using System.Text.RegularExpressions;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Pfs;

/// <summary>What a CMS physician fee schedule RVU file name says: the month the release takes effect, and whether it is
/// the QPP or non-QPP variant (domain.md §5).</summary>
/// <remarks>
/// CMS names the file inside each quarterly RVU zip (RVU26A … RVU26D) <c>PPRRVU2026_Jul_nonQPP.csv</c> since the two
/// conversion factors of 2026 (a <c>_QPP</c> twin carries the other one), and <c>PPRRVU25_OCT.csv</c>, two-digit year
/// and upper-case month, before. Both name the month only: a release applies from its first day. The two variants of a
/// month differ in the conversion factor and payment columns, not in the codes, periods and indicators kept here.
/// </remarks>
/// <param name="Effective">The first date of service the release applies to: the first day of the named month.</param>
/// <param name="Qpp">True for the <c>_QPP</c> variant.</param>
public sealed partial record PfsFileName(DateOnly Effective, bool Qpp)
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    /// <summary>The release as status names it, e.g. <c>pfs-2026-07-01</c>.</summary>
    public string Version => $"pfs-{Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The CMS file name of the non-QPP release in force from the first day of <paramref name="effective"/>'s month.</summary>
    public static string CmsName(DateOnly effective) =>
        $"PPRRVU{effective.Year.ToString("D4", CultureInfo.InvariantCulture)}_{effective.ToString("MMM", CultureInfo.InvariantCulture)}_nonQPP.csv";

    /// <summary>What a file name says, or null when it is not named like a CMS PPRRVU file.</summary>
    /// <param name="fileName">The file or zip entry name.</param>
    /// <param name="display">How an error names the file.</param>
    /// <exception cref="NcciLoadException">The name is a PPRRVU name whose month or year cannot be read: a file named that
    /// way is meant to be loaded, so it is refused naming it rather than skipped.</exception>
    public static PfsFileName? Parse(string fileName, string display)
    {
        if (!fileName.StartsWith("PPRRVU", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var match = Pattern().Match(fileName);
        var month = match.Success ? Array.IndexOf(Months, match.Groups["month"].Value.ToUpperInvariant()) + 1 : 0;
        if (month == 0)
        {
            throw new NcciLoadException(
                $"'{display}': the file name does not say the release's year and month (expected a CMS name such as PPRRVU2026_Jul_nonQPP.csv or PPRRVU25_OCT.csv).");
        }

        // Two or four digits, checked as text by the pattern: a name cannot overflow a number.
        var yearText = match.Groups["year"].Value;
        var year = int.Parse(yearText, CultureInfo.InvariantCulture) + (yearText.Length == 2 ? 2000 : 0);
        if (year is < 1992 or > 2099)
        {
            throw new NcciLoadException($"'{display}': the year {yearText} in the file name is not a fee schedule year (1992 to 2099).");
        }

        return new PfsFileName(new DateOnly(year, month, 1), match.Groups["qpp"].Success);
    }

    [GeneratedRegex(@"^PPRRVU(?<year>\d{4}|\d{2})_(?<month>[A-Za-z]{3})(?:_(?:nonQPP|(?<qpp>QPP)))?(?![A-Za-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
