namespace Scrubber.Audit;

/// <summary>Dollars are stored as whole cents, so sums in reports are exact.</summary>
internal static class Money
{
    public static long ToCents(decimal dollars) => (long)decimal.Round(dollars * 100m, MidpointRounding.AwayFromZero);

    public static decimal ToDollars(long cents) => cents / 100m;
}
