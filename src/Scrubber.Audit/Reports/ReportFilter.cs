using System.Globalization;
using Scrubber.Audit.Outcomes;

namespace Scrubber.Audit.Reports;

/// <summary>Which denials a report covers: a date range (of the payment, else of ingestion), a payer, a provider, and
/// the denial families.</summary>
/// <param name="From">First day, inclusive; null for no lower bound.</param>
/// <param name="To">Last day, inclusive; null for no upper bound.</param>
/// <param name="PayerId">Only this payer, or null for all.</param>
/// <param name="Provider">Only this provider NPI (rendering, else billing), or null for all.</param>
/// <param name="Families">The denial families covered; null for every NCCI family (all but "other").</param>
public sealed record ReportFilter(DateOnly? From = null, DateOnly? To = null, string? PayerId = null, string? Provider = null, IReadOnlySet<string>? Families = null)
{
    private static readonly IReadOnlySet<string> NcciFamilies = DenialFamilies.Ncci.ToHashSet(StringComparer.Ordinal);

    public static ReportFilter All { get; } = new();

    /// <summary>The families covered.</summary>
    public IReadOnlySet<string> CoveredFamilies => Families ?? NcciFamilies;

    /// <summary>The ISO week <paramref name="isoWeek"/> (e.g. <c>2026-W33</c>), Monday to Sunday.</summary>
    /// <exception cref="FormatException">The text is not an ISO week.</exception>
    public static ReportFilter ForWeek(string isoWeek, string? payerId = null, string? provider = null, IReadOnlySet<string>? families = null)
    {
        if (isoWeek.Length != 8 || isoWeek[4] != '-' || isoWeek[5] != 'W' ||
            !int.TryParse(isoWeek.AsSpan(0, 4), CultureInfo.InvariantCulture, out var year) ||
            !int.TryParse(isoWeek.AsSpan(6, 2), CultureInfo.InvariantCulture, out var week) ||
            year < 1 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new FormatException($"'{isoWeek}' is not an ISO week such as 2026-W33.");
        }

        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return new ReportFilter(monday, monday.AddDays(6), payerId, provider, families);
    }

    /// <summary>The families named, for a request.</summary>
    /// <exception cref="FormatException">A name is not a family; the message lists the families.</exception>
    public static IReadOnlySet<string>? ParseFamilies(IReadOnlyCollection<string> names)
    {
        if (names.Count == 0)
        {
            return null;
        }

        foreach (var name in names.Where(n => !DenialFamilies.IsKnown(n)))
        {
            throw new FormatException($"'{name}' is not a denial family; use {string.Join(", ", DenialFamilies.All)}.");
        }

        return names.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the line is in the date range, payer and provider (whatever its outcome).</summary>
    public bool Covers(DeniedLine line) =>
        (From is null || line.Day >= From) && (To is null || line.Day <= To) &&
        (PayerId is null || PayerId == line.PayerId) && (Provider is null || Provider == line.Provider);

    /// <summary>Whether the line is covered and denied in one of the families covered.</summary>
    public bool CountsDenial(DeniedLine line) => CountsFamily(line.Family) && Covers(line);

    /// <summary>Whether a denial of <paramref name="family"/> (null: not denied) is one the filter counts.</summary>
    public bool CountsFamily(string? family) => family is not null && CoveredFamilies.Contains(family);
}
