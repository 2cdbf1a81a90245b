namespace Scrubber.Audit.Reports;

/// <summary>Which denials a report covers: a date range (of the payment, else of ingestion), a payer, a provider.</summary>
/// <param name="From">First day, inclusive; null for no lower bound.</param>
/// <param name="To">Last day, inclusive; null for no upper bound.</param>
/// <param name="PayerId">Only this payer, or null for all.</param>
/// <param name="Provider">Only this provider NPI (rendering, else billing), or null for all.</param>
public sealed record ReportFilter(DateOnly? From = null, DateOnly? To = null, string? PayerId = null, string? Provider = null)
{
    public static ReportFilter All { get; } = new();

    /// <summary>The ISO week <paramref name="isoWeek"/> (e.g. <c>2026-W33</c>), Monday to Sunday.</summary>
    /// <exception cref="FormatException">The text is not an ISO week.</exception>
    public static ReportFilter ForWeek(string isoWeek, string? payerId = null, string? provider = null)
    {
        if (isoWeek.Length != 8 || isoWeek[4] != '-' || isoWeek[5] != 'W' ||
            !int.TryParse(isoWeek.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture, out var year) ||
            !int.TryParse(isoWeek.AsSpan(6, 2), System.Globalization.CultureInfo.InvariantCulture, out var week) ||
            week < 1 || week > System.Globalization.ISOWeek.GetWeeksInYear(year))
        {
            throw new FormatException($"'{isoWeek}' is not an ISO week such as 2026-W33.");
        }

        var monday = DateOnly.FromDateTime(System.Globalization.ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return new ReportFilter(monday, monday.AddDays(6), payerId, provider);
    }

    public bool Covers(DateOnly day, string payerId, string provider) =>
        (From is null || day >= From) && (To is null || day <= To) &&
        (PayerId is null || PayerId == payerId) && (Provider is null || Provider == provider);
}
