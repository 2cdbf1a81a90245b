namespace Scrubber.Core.Ncci;

/// <summary>NCCI dates packed as days since 1980-01-01 in 16 bits, to keep an index row small (domain.md §1.3).</summary>
internal static class PtpDate
{
    /// <summary>The packed value of a <c>*</c> deletion date: no deletion, the edit is still active.</summary>
    public const ushort Open = ushort.MaxValue;

    private static readonly int EpochDayNumber = new DateOnly(1980, 1, 1).DayNumber;

    /// <summary>The last date that packs; one day before <see cref="Open"/>.</summary>
    public static readonly DateOnly Latest = FromDays(Open - 1);

    public static ushort ToDays(DateOnly date)
    {
        var days = date.DayNumber - EpochDayNumber;
        return days <= 0 ? (ushort)0 : days >= Open ? (ushort)(Open - 1) : (ushort)days;
    }

    public static DateOnly FromDays(int days) => DateOnly.FromDayNumber(EpochDayNumber + days);

    /// <summary>Parses <c>YYYYMMDD</c> as written in the PTP files; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out ushort days)
    {
        days = 0;
        if (text.Length != 8)
        {
            return false;
        }

        var value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        int year = value / 10000, month = value / 100 % 100, day = value % 100;
        if (year < 1980 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        days = ToDays(new DateOnly(year, month, day));
        return true;
    }
}
