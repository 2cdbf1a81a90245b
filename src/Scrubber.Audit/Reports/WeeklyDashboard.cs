using System.Collections.Immutable;

namespace Scrubber.Audit.Reports;

/// <summary>Report 3: the weekly denial dashboard, one row per week, family and code pair (or denied code, when no
/// NCCI or pack row named a pair), repeat offenders flagged. Units and add-on denials are rows of their code: an MUE and
/// a missing primary are about one code, never a pair (<see cref="DeniedLine.PairOrCode"/>).</summary>
public static class WeeklyDashboard
{
    /// <summary>The default number of denials of one pair in one week that makes it a repeat offender.</summary>
    public const int DefaultRepeatThreshold = 3;

    public static IReadOnlyList<WeeklyPairRow> Compute(IReadOnlyList<DeniedLine> lines, ReportFilter filter, int repeatThreshold = DefaultRepeatThreshold) =>
    [
        .. lines.Where(filter.CountsDenial)
            .GroupBy(l => (Week: FeedbackReports.Week(l.Day), l.Family, l.PairOrCode))
            .Select(g =>
            {
                var denials = g.ToList();
                var provider = denials.GroupBy(l => l.Provider).OrderByDescending(p => p.Count()).ThenBy(p => p.Key, StringComparer.Ordinal).First();
                var rootCause = MostFrequent(denials.Select(RootCauses.Of));
                var repeat = denials.Count >= repeatThreshold;
                var (column1, deniedCode) = g.Key.PairOrCode;
                var named = column1.Length > 0;
                var units = g.Key.Family == Outcomes.DenialFamilies.Units;
                return new WeeklyPairRow(
                    g.Key.Week,
                    column1,
                    named ? deniedCode : string.Empty,
                    denials.Count,
                    MostFrequent(denials.Select(RootCauses.IndicatorOf)),
                    provider.Key,
                    (double)provider.Count() / denials.Count,
                    Tally(denials.Select(l => l.PayerId)),
                    Money.ToDollars(denials.Sum(l => l.DeniedCents)),
                    rootCause,
                    Tally(denials.Select(l => l.Resolution ?? "unworked")),
                    repeat,
                    repeat ? RootCauses.ActionFor(rootCause, g.Key.Family!) : string.Empty)
                {
                    DeniedCode = deniedCode,
                    // The codes billed beside a denial explain a bundle or a missing primary; an MUE is the code's own.
                    ContextCodes = named || units ? [] : [.. denials.SelectMany(l => l.SameDayCodes).Distinct().Order(StringComparer.Ordinal)],
                    MaxUnits = units ? denials.Max(l => l.Units) : 0,
                    Family = g.Key.Family!,
                    Group = MostFrequent(denials.Select(l => l.Group)),
                };
            })
            .OrderBy(r => r.Week, StringComparer.Ordinal).ThenByDescending(r => r.Occurrences).ThenByDescending(r => r.DollarsDenied)
            .ThenBy(r => r.Column1, StringComparer.Ordinal).ThenBy(r => r.DeniedCode, StringComparer.Ordinal),
    ];

    private static string MostFrequent(IEnumerable<string> values) =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    private static ImmutableSortedDictionary<string, int> Tally(IEnumerable<string> values) =>
        values.GroupBy(v => v).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
