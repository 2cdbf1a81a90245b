using System.Globalization;

namespace Scrubber.Audit;

/// <summary>How the store writes dates and times, on both providers: ISO 8601 text, which sorts as it reads.</summary>
internal static class Dates
{
    /// <summary>Bounds for a range of days with no lower or upper bound, as text that sorts below or above every day.</summary>
    public const string First = "0001-01-01";

    /// <inheritdoc cref="First"/>
    public const string Last = "9999-12-31";

    /// <summary>A day: YYYY-MM-DD.</summary>
    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day as written by <see cref="Text(DateOnly)"/>.</summary>
    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant: UTC with seven decimals, e.g. 2026-07-20T14:00:00.0000000Z.</summary>
    public static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>An instant as written by <see cref="Text(DateTimeOffset)"/>.</summary>
    public static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
