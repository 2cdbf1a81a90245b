using System.Globalization;
using System.Text;
using Scrubber.Core.Claims;

namespace Scrubber.Core.AddOnCodes;

/// <summary>The fixed-width text layout of a CMS add-on code file as this release reads it. Assumed, not verified
/// against a CMS file structure document: rules/ncci/README.md says what it rests on. Every position lives here, so a
/// correction is one place (and the generator writes through <see cref="FormatRow"/>, so it follows).</summary>
/// <remarks>
/// Columns are 1-based, the fields in the order of the CMS Excel variant's headers (AOC_Edit_Type, Add-On_Code,
/// AOC_DelDT, Primary_Code, Primary_Code_DelDT, AOC_Edit_EffDT, AOC_Edit_DelDT, Special_Instruction_Notes), dates as
/// CMS writes them, <c>YYYYDDD</c> (year and day of the year), blank when there is none:
/// <code>
/// 1       AOC edit type (1, 2, 3)
/// 2–6     add-on code
/// 8–14    add-on code deletion date
/// 16–20   primary code (CCCCC on a type 2 row: contractor-defined)
/// 22–28   primary code deletion date
/// 30–36   AOC edit effective date (required)
/// 38–44   AOC edit deletion date
/// 46–     special instruction notes (to the end of the line)
/// </code>
/// Columns 7, 15, 21, 29, 37 and 45 are blank. Trailing blanks may be trimmed. Latin-1, CRLF or LF. Lines before the
/// first row (the AMA notice, a title) are preamble.
/// </remarks>
public static class AddOnCodeLayout
{
    /// <summary>The primary code a type 2 row carries: CMS's placeholder for "contractor-defined primaries".</summary>
    public const string ContractorPlaceholder = "CCCCC";

    /// <summary>The longest line read; a real row is under 300 characters, so a longer one is not a row.</summary>
    public const int MaxLineLength = 1024;

    /// <summary>The longest note kept; the rest of a longer one is dropped.</summary>
    public const int MaxNoteLength = 250;

    internal const int TypeColumn = 0;
    internal const int AddOnStart = 1;
    internal const int AddOnDeletedStart = 7;
    internal const int PrimaryStart = 15;
    internal const int PrimaryDeletedStart = 21;
    internal const int EffectiveStart = 29;
    internal const int DeletedStart = 37;
    internal const int NotesStart = 45;
    internal const int CodeLength = 5;
    internal const int DateLength = 7;

    /// <summary>0-based positions that must be blank between fields.</summary>
    internal static ReadOnlySpan<int> Separators => [6, 14, 20, 28, 36, 44];

    /// <summary>A file's first lines as this release writes them (the generator and the sample use it).</summary>
    public const string Preamble =
        "CPT only copyright 2025 American Medical Association.  All rights reserved.\r\n" +
        "Medicare NCCI Add-on Code Edits\r\n";

    /// <summary>One row in the layout, without the line break.</summary>
    /// <param name="type">The AOC edit type.</param>
    /// <param name="addOn">The add-on code.</param>
    /// <param name="addOnDeleted">The add-on code's deletion date, if any.</param>
    /// <param name="primary">The primary code; null writes <see cref="ContractorPlaceholder"/>.</param>
    /// <param name="primaryDeleted">The primary code's deletion date, if any.</param>
    /// <param name="effective">The edit's effective date.</param>
    /// <param name="deleted">The edit's deletion date, if any.</param>
    /// <param name="notes">Special instruction notes, or empty.</param>
    public static string FormatRow(AddOnEditType type, HcpcsCode addOn, DateOnly? addOnDeleted, HcpcsCode? primary,
        DateOnly? primaryDeleted, DateOnly effective, DateOnly? deleted, string notes)
    {
        var row = new StringBuilder(NotesStart + notes.Length);
        row.Append((char)('0' + (int)type)).Append(addOn.ToString()).Append(' ')
            .Append(Julian(addOnDeleted)).Append(' ')
            .Append(primary?.ToString() ?? ContractorPlaceholder).Append(' ')
            .Append(Julian(primaryDeleted)).Append(' ')
            .Append(Julian(effective)).Append(' ')
            .Append(Julian(deleted));
        if (notes.Length > 0)
        {
            row.Append(' ').Append(notes);
        }

        return row.ToString().TrimEnd(' ');
    }

    /// <summary>A date as the file writes it, <c>YYYYDDD</c>, or seven blanks for none.</summary>
    public static string Julian(DateOnly? date) =>
        date is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d.Year:D4}{d.DayOfYear:D3}") : new string(' ', DateLength);

    /// <summary>Reads a <c>YYYYDDD</c> date; false for anything else (a day past the year's end included).</summary>
    /// <remarks>Seven digits bound both numbers, so no input can overflow; years before 1980 (NCCI began in 1996) and
    /// after 2099 are refused as typos.</remarks>
    internal static bool TryParseJulian(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != DateLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var year = int.Parse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture);
        var day = int.Parse(text[4..], NumberStyles.None, CultureInfo.InvariantCulture);
        if (year is < 1980 or > 2099 || day < 1 || day > (DateTime.IsLeapYear(year) ? 366 : 365))
        {
            return false;
        }

        date = new DateOnly(year, 1, 1).AddDays(day - 1);
        return true;
    }
}
