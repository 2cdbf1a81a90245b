using System.Globalization;

namespace Scrubber.Audit;

/// <summary>Dollars are stored as whole cents, so sums in reports are exact.</summary>
public static class Money
{
    /// <summary>The largest amount the store takes, in absolute value: what an 837 or 835 amount can hold in practice
    /// (the parsers and the gRPC edge refuse more). Bounding each amount here keeps every SQL sum far from overflow.</summary>
    public const decimal MaxDollars = 99_999_999.99m;

    /// <exception cref="InvalidRecordException">The amount is beyond <see cref="MaxDollars"/>; <paramref name="field"/> names it.</exception>
    public static long ToCents(decimal dollars, string field) =>
        Math.Abs(dollars) <= MaxDollars
            ? (long)decimal.Round(dollars * 100m, MidpointRounding.AwayFromZero)
            : throw new InvalidRecordException(field,
                $"{field} {dollars.ToString(CultureInfo.InvariantCulture)} is beyond the largest amount the store takes ({MaxDollars.ToString(CultureInfo.InvariantCulture)})");

    public static decimal ToDollars(long cents) => cents / 100m;
}
