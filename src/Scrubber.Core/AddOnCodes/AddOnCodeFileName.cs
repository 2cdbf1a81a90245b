using System.Globalization;
using System.Text.RegularExpressions;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.AddOnCodes;

/// <summary>What a CMS add-on code file name says, e.g. <c>AOC_V2026Q2-MCR.txt</c> or <c>AOC_V2025Q4_01-MCR.txt</c>.</summary>
/// <param name="Version">The release as CMS names it, upper case: <c>AOC_V2026Q2</c>, or <c>AOC_V2025Q4_01</c> for a
/// reissue.</param>
/// <param name="AppliesFrom">The first day of the quarter the release is for.</param>
/// <remarks>The names are those seen in public importers of the CMS files (the Excel variant is
/// <c>AOC_V2024Q2-MCR.xlsx</c>; the text variant <c>AOC_V2025Q4_01-MCR.txt</c>); rules/ncci/README.md says how sure
/// that is. The year and quarter name the quarter the release takes effect.</remarks>
public sealed partial record AddOnCodeFileName(string Version, DateOnly AppliesFrom)
{
    /// <summary>The first and last years a release name may carry: the AOC edits began in 2013, and a year past 2099
    /// is a typo, not a release.</summary>
    private const int FirstYear = 2000;
    private const int LastYear = 2099;

    /// <summary>What a CMS add-on code file name says, or null when it is not named like one.</summary>
    /// <param name="fileName">The file or zip entry name.</param>
    /// <param name="display">How an error names the file (its path, or <c>zip!entry</c>).</param>
    /// <exception cref="NcciLoadException">The name is an AOC name whose year, quarter or reissue number is out
    /// of range: a file named that way is meant to be loaded, so it is refused naming it rather than skipped.</exception>
    public static AddOnCodeFileName? Parse(string fileName, string display)
    {
        var match = Pattern().Match(fileName);
        if (!match.Success)
        {
            return Effective(fileName, display);
        }

        // Checked as text before any number is made of them: a name is outside input.
        var year = match.Groups["year"].Value;
        var quarter = match.Groups["quarter"].Value;
        var reissue = match.Groups["reissue"];
        if (year.Length != 4 || int.Parse(year, CultureInfo.InvariantCulture) is < FirstYear or > LastYear)
        {
            throw new NcciLoadException($"'{display}': the year {Clip(year)} in the file name is out of range ({FirstYear}–{LastYear}).");
        }

        if (quarter.Length != 1 || quarter[0] is < '1' or > '4')
        {
            throw new NcciLoadException($"'{display}': the quarter Q{Clip(quarter)} in the file name is out of range (Q1 to Q4).");
        }

        if (reissue.Success && reissue.Value.Length > 2)
        {
            throw new NcciLoadException($"'{display}': the reissue _{Clip(reissue.Value)} in the file name is out of range (_01 to _99).");
        }

        var version = $"AOC_V{year}Q{quarter}" + (reissue.Success ? "_" + reissue.Value : string.Empty);
        var first = new DateOnly(int.Parse(year, CultureInfo.InvariantCulture), 1 + (3 * (quarter[0] - '1')), 1);
        return new AddOnCodeFileName(version, first);
    }

    /// <summary>The zip CMS serves, <c>add-code-edits-medicare-effective-07012026.zip</c>, names its date, not its
    /// release: used when the text inside is named like no release.</summary>
    private static AddOnCodeFileName? Effective(string fileName, string display)
    {
        var match = EffectivePattern().Match(fileName);
        if (!match.Success)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(match.Groups["date"].Value, "MMddyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ||
            date.Year is < FirstYear or > LastYear)
        {
            throw new NcciLoadException($"'{display}': the date {match.Groups["date"].Value} in the file name is not a date (MMDDYYYY, {FirstYear}–{LastYear}).");
        }

        var quarterStart = date.Day == 1 && date.Month % 3 == 1;
        var version = quarterStart
            ? string.Create(CultureInfo.InvariantCulture, $"AOC_V{date.Year}Q{1 + (date.Month / 3)}")
            : string.Create(CultureInfo.InvariantCulture, $"AOC_{date:yyyy-MM-dd}");
        return new AddOnCodeFileName(version, date);
    }

    private static string Clip(string digits) => digits.Length > 12 ? digits[..12] + "…" : digits;

    [GeneratedRegex(@"AOC_V(?<year>\d+)Q(?<quarter>\d+)(?:_(?<reissue>\d+))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"add-code-edits-medicare-effective-(?<date>\d{8})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EffectivePattern();
}
