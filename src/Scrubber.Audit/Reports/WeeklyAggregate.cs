using System.Collections.Immutable;

namespace Scrubber.Audit.Reports;

/// <summary>Denied lines of one week that share everything a weekly row is made of, counted: the weekly report is
/// computed from these, whether they come from live lines or were kept by a purge, so both add up exactly.</summary>
/// <param name="Week">The ISO week, e.g. 2026-W33.</param>
/// <param name="Monday">Its first day.</param>
/// <param name="PayerId">The payer.</param>
/// <param name="Provider">The rendering provider, else the billing provider.</param>
/// <param name="Family">The denial family.</param>
/// <param name="Group">The adjustment group: CO, PR, OA or PI.</param>
/// <param name="Column1">The pair's column 1 code; empty when no edit named a pair.</param>
/// <param name="DeniedCode">The denied code (the pair's column 2, or the line's code).</param>
/// <param name="Indicator">What <see cref="RootCauses.IndicatorOf"/> says of these lines.</param>
/// <param name="RootCause">What <see cref="RootCauses.Of"/> says of these lines.</param>
/// <param name="Resolution">The latest resolution step, or "unworked".</param>
/// <param name="Occurrences">How many denied lines.</param>
/// <param name="DeniedCents">Their denied amounts.</param>
/// <param name="MaxUnits">The most units sent on one of these lines.</param>
/// <param name="ContextCodes">The other codes billed the same day on these lines' claims.</param>
public sealed record WeeklyAggregate(
    string Week,
    DateOnly Monday,
    string PayerId,
    string Provider,
    string Family,
    string Group,
    string Column1,
    string DeniedCode,
    string Indicator,
    string RootCause,
    string Resolution,
    long Occurrences,
    long DeniedCents,
    double MaxUnits,
    ImmutableArray<string> ContextCodes)
{
    /// <summary>The denied lines among <paramref name="lines"/>, counted by what a weekly row is made of.</summary>
    public static IReadOnlyList<WeeklyAggregate> Of(IEnumerable<DeniedLine> lines) =>
    [
        .. lines.Where(l => l.Family is not null)
            .GroupBy(l => (Week: FeedbackReports.Week(l.Day), l.PayerId, l.Provider, Family: l.Family!, l.Group, l.PairOrCode,
                Indicator: RootCauses.IndicatorOf(l), RootCause: RootCauses.Of(l), Resolution: l.Resolution ?? Unworked))
            .Select(g => new WeeklyAggregate(
                g.Key.Week, MondayOf(g.First().Day), g.Key.PayerId, g.Key.Provider, g.Key.Family, g.Key.Group, g.Key.PairOrCode.Column1,
                g.Key.PairOrCode.Column2, g.Key.Indicator, g.Key.RootCause, g.Key.Resolution, g.LongCount(), g.Sum(l => l.DeniedCents),
                g.Max(l => l.Units), [.. g.SelectMany(l => l.SameDayCodes).Distinct().Order(StringComparer.Ordinal)])),
    ];

    /// <summary>The live denials the filter counts, counted by what a weekly row is made of in SQL: one row per count
    /// read, whatever the number of lines behind it.</summary>
    internal static IReadOnlyList<WeeklyAggregate> Read(FactQuery query, ReportFilter filter) =>
    [
        .. query.Rows($"""
                SELECT week, MIN(day), payer_id, provider, family, group_code, pair_column1, pair_column2, indicator, root_cause, resolution,
                       COUNT(*), CAST(SUM(denied_cents) AS BIGINT), MAX(units), group_concat(same_day_codes, ' ')
                FROM line_facts WHERE {query.Where} AND family IS NOT NULL
                GROUP BY week, family, pair_column1, pair_column2, payer_id, provider, group_code, indicator, root_cause, resolution
                """,
                r => new WeeklyAggregate(
                    r.GetString(0), MondayOf(Dates.Day(r.GetString(1))), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.GetString(7), r.GetString(8), r.GetString(9), r.IsDBNull(10) ? Unworked : r.GetString(10), r.GetInt64(11), r.GetInt64(12), r.GetDouble(13),
                    [.. r.GetString(14).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal)]))
            .Where(a => filter.CoveredFamilies.Contains(a.Family)),
    ];

    /// <summary>Whether a report with <paramref name="filter"/> counts these denials: their family is covered, payer
    /// and provider match, and their week overlaps the filter's days (a purged week counts whole).</summary>
    public bool CountsIn(ReportFilter filter) =>
        filter.CoveredFamilies.Contains(Family) && (filter.PayerId is null || filter.PayerId == PayerId) &&
        (filter.Provider is null || filter.Provider == Provider) &&
        (filter.From is null || Monday.AddDays(6) >= filter.From) && (filter.To is null || Monday <= filter.To);

    /// <summary>The resolution of denials nobody has worked yet.</summary>
    private const string Unworked = "unworked";

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
