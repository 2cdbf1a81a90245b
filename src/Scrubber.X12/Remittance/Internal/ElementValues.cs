using System.Globalization;

namespace Scrubber.X12.Remittance.Internal;

/// <summary>Reads typed values from 835 elements; a malformed value is an <see cref="X12FormatException"/> naming where it is.</summary>
internal static class ElementValues
{
    /// <summary>X12 R (decimal) values: optional minus sign, optional decimal point (".01" occurs), no grouping, no exponent.</summary>
    private const NumberStyles AmountStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>The text of an element, or null when it is empty.</summary>
    public static string? Text(X12Segment segment, int position) =>
        segment.Element(position) is { Length: > 0 } text ? text : null;

    /// <summary>An optional amount: null when empty, an error when present but not a number.</summary>
    public static decimal? Amount(X12Segment segment, int position)
    {
        var text = segment.Element(position);
        if (text.Length == 0)
        {
            return null;
        }

        return decimal.TryParse(text, AmountStyle, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed(segment, position, text, "a number");
    }

    /// <summary>A required amount that some payers leave empty when it is zero (see the callers for which files).</summary>
    public static decimal AmountOrZero(X12Segment segment, int position) => Amount(segment, position) ?? 0m;

    /// <summary>A required amount: an error when empty or not a number.</summary>
    public static decimal RequiredAmount(X12Segment segment, int position) =>
        Amount(segment, position) ?? throw Missing(segment, position, "an amount");

    /// <summary>An optional CCYYMMDD date: null when empty, an error when present but not a date.</summary>
    public static DateOnly? Date(X12Segment segment, int position)
    {
        var text = segment.Element(position);
        if (text.Length == 0)
        {
            return null;
        }

        return text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Malformed(segment, position, text, "a CCYYMMDD date");
    }

    /// <summary>An informational CCYYMMDD date: null when empty or not a valid date.</summary>
    public static DateOnly? DateOrNull(X12Segment segment, int position) =>
        DateOnly.TryParseExact(segment.Element(position), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>A required element's text: an error when empty.</summary>
    public static string RequiredText(X12Segment segment, int position, string what) =>
        Text(segment, position) ?? throw Missing(segment, position, what);

    public static string Name(X12Segment segment, int position) =>
        segment.Id + position.ToString("D2", CultureInfo.InvariantCulture);

    private static X12FormatException Malformed(X12Segment segment, int position, string text, string expected) => new(
        $"{Name(segment, position)} '{Clip(text)}' in the {segment.Id} at byte {segment.ByteOffset} is not {expected}",
        segment.ByteOffset,
        segment.Id);

    private static X12FormatException Missing(X12Segment segment, int position, string expected) => new(
        $"{Name(segment, position)} in the {segment.Id} at byte {segment.ByteOffset} is empty; expected {expected}",
        segment.ByteOffset,
        segment.Id);

    /// <summary>At most 20 characters of a value, for an error message.</summary>
    public static string Clip(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
