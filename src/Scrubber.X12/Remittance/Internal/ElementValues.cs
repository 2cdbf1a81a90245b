using System.Globalization;

namespace Scrubber.X12.Remittance.Internal;

/// <summary>Reads typed values from 835 elements; a malformed or out-of-bounds value is an <see cref="X12FormatException"/>
/// naming the segment, element and byte offset.</summary>
internal static class ElementValues
{
    /// <summary>The largest amount accepted, in absolute value: an 837 charge cannot exceed it, so no remittance of
    /// one can. Bounding each amount here keeps every sum the store computes far from overflow.</summary>
    public const decimal MaxAmount = 99_999_999.99m;

    /// <summary>X12 R (decimal) values: optional minus sign, optional decimal point (".01" occurs), no grouping, no exponent.</summary>
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>The 5010 835 guide's maximum length of an R amount element (CLP03, SVC02, CAS03, BPR02, …), in digits:
    /// R counts neither the sign nor the decimal point.</summary>
    private const int AmountDigits = 18;

    /// <summary>The same for an R quantity element (SVC05, CAS04).</summary>
    private const int QuantityDigits = 15;

    /// <summary>The text of an element, or null when it is empty.</summary>
    public static string? Text(X12Segment segment, int position) =>
        segment.Element(position) is { Length: > 0 } text ? text : null;

    /// <summary>An optional amount: null when empty; an error when present but not a number within the bounds.</summary>
    public static decimal? Amount(X12Segment segment, int position) =>
        Decimal(segment, position, AmountDigits, MaxAmount, "an amount");

    /// <summary>A required amount that some payers leave empty when it is zero (see the callers for which files).</summary>
    public static decimal AmountOrZero(X12Segment segment, int position) => Amount(segment, position) ?? 0m;

    /// <summary>A required amount: an error when empty, not a number, or out of bounds.</summary>
    public static decimal RequiredAmount(X12Segment segment, int position) =>
        Amount(segment, position) ?? throw Missing(segment, position, "an amount");

    /// <summary>An optional quantity (units): null when empty; an error when present but not a number within the bounds.</summary>
    public static decimal? Quantity(X12Segment segment, int position, decimal max) =>
        Decimal(segment, position, QuantityDigits, max, "a quantity");

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

    /// <summary>At most 20 characters of a value, for an error message.</summary>
    public static string Clip(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private static decimal? Decimal(X12Segment segment, int position, int maxDigits, decimal max, string what)
    {
        var text = segment.Element(position);
        if (text.Length == 0)
        {
            return null;
        }

        // The digit count is checked first: a 10,000-digit value must be refused for its length, not parsed.
        var digits = text.Count(char.IsAsciiDigit);
        if (digits > maxDigits)
        {
            throw Malformed(segment, position, text, $"{what} of at most {maxDigits} digits (it has {digits})");
        }

        if (!decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var value))
        {
            throw Malformed(segment, position, text, "a number");
        }

        return Math.Abs(value) <= max
            ? value
            : throw Malformed(segment, position, text, $"{what} within ±{max.ToString("#,0.##", CultureInfo.InvariantCulture)}");
    }

    private static X12FormatException Malformed(X12Segment segment, int position, string text, string expected) => new(
        $"{Name(segment, position)} '{Clip(text)}' in the {segment.Id} at byte {segment.ByteOffset} is not {expected}",
        segment.ByteOffset,
        segment.Id);

    private static X12FormatException Missing(X12Segment segment, int position, string expected) => new(
        $"{Name(segment, position)} in the {segment.Id} at byte {segment.ByteOffset} is empty; expected {expected}",
        segment.ByteOffset,
        segment.Id);
}
