using Scrubber.Core.Claims;

namespace Scrubber.Core.Scrubbing;

/// <summary>The days of service whose already-sent lines a scrub reads, first and last included: one range, so the
/// history read is one indexed scan of the patient's lines however many phases use it.</summary>
/// <param name="From">The first day read.</param>
/// <param name="To">The last day read.</param>
public readonly record struct HistoryWindow(DateOnly From, DateOnly To)
{
    /// <summary>How far before its first day of service a claim looks back: a 090-day global period (domain.md §5)
    /// started by surgery up to 90 days earlier still covers it. It also covers the add-on code that may follow its
    /// primary by a day (99292 after a 99291 that began before midnight).</summary>
    public const int DaysBack = 90;

    /// <summary>How far after its last day of service a claim looks ahead: major surgery the day after makes a visit
    /// the decision for surgery (57), and its 090-day period includes the day before.</summary>
    public const int DaysAhead = 1;

    /// <summary>A single day.</summary>
    public static HistoryWindow Day(DateOnly day) => new(day, day);

    /// <summary>The window every phase of a scrub of <paramref name="claim"/> needs: from <see cref="DaysBack"/> days
    /// (or <paramref name="lookBackDays"/>, when more: a pack whose rules read a year of history) before its first
    /// line to <see cref="DaysAhead"/> day after the last day any line covers.</summary>
    public static HistoryWindow For(Claim claim, int lookBackDays = 0)
    {
        ArgumentNullException.ThrowIfNull(claim);
        DateOnly first = DateOnly.MaxValue, last = DateOnly.MinValue;
        foreach (var line in claim.Lines)
        {
            var end = line.ServiceDate.AddDays(line.Days - 1);
            first = line.ServiceDate < first ? line.ServiceDate : first;
            last = end > last ? end : last;
        }

        return claim.Lines.Length == 0
            ? Day(DateOnly.MinValue)
            : new(Shift(first, -Math.Max(DaysBack, lookBackDays)), Shift(last, DaysAhead));
    }

    /// <summary>Whether <paramref name="day"/> is in the window.</summary>
    public bool Contains(DateOnly day) => day >= From && day <= To;

    // Clamped: a date of service near either end of the calendar must not throw.
    private static DateOnly Shift(DateOnly day, int days) =>
        days < 0
            ? (day.DayNumber + days < DateOnly.MinValue.DayNumber ? DateOnly.MinValue : day.AddDays(days))
            : (day.DayNumber + days > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : day.AddDays(days));
}
