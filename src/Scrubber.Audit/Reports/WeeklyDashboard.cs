using System.Collections.Immutable;

namespace Scrubber.Audit.Reports;

/// <summary>Report 3: the weekly denial dashboard, one row per week, family and code pair (or denied code, when no
/// NCCI or pack row named a pair), repeat offenders flagged. Units and add-on denials are rows of their code: an MUE and
/// a missing primary are about one code, never a pair (<see cref="DeniedLine.PairOrCode"/>).</summary>
public static class WeeklyDashboard
{
    /// <summary>The default number of denials of one pair in one week that makes it a repeat offender.</summary>
    public const int DefaultRepeatThreshold = 3;

    /// <summary>The rows for the denials in <paramref name="lines"/> that <paramref name="filter"/> counts, together
    /// with those a purge kept as <paramref name="purged"/> aggregates.</summary>
    public static IReadOnlyList<WeeklyPairRow> Compute(IReadOnlyList<DeniedLine> lines, ReportFilter filter, int repeatThreshold = DefaultRepeatThreshold,
        IReadOnlyList<WeeklyAggregate>? purged = null) =>
        Compute(WeeklyAggregate.Of(lines.Where(filter.CountsDenial)), filter, repeatThreshold, purged);

    /// <summary>The rows for the <paramref name="live"/> denials (the filter's, already counted by week and the rest of
    /// what a row is made of), together with those a purge kept as <paramref name="purged"/> aggregates.</summary>
    public static IReadOnlyList<WeeklyPairRow> Compute(IReadOnlyList<WeeklyAggregate> live, ReportFilter filter, int repeatThreshold = DefaultRepeatThreshold,
        IReadOnlyList<WeeklyAggregate>? purged = null) =>
    [
        .. live.Concat((purged ?? []).Where(a => a.CountsIn(filter)))
            .GroupBy(a => (a.Week, a.Family, a.Column1, a.DeniedCode))
            .Select(g =>
            {
                var denials = g.ToList();
                var occurrences = (int)denials.Sum(a => a.Occurrences);
                var provider = MostFrequent.Ranked(denials, a => a.Provider, a => a.Occurrences).First();
                var rootCause = MostFrequent.Of(denials, a => a.RootCause, a => a.Occurrences);
                var repeat = occurrences >= repeatThreshold;
                var (column1, deniedCode) = (g.Key.Column1, g.Key.DeniedCode);
                var named = column1.Length > 0;
                var units = g.Key.Family == Outcomes.DenialFamilies.Units;
                return new WeeklyPairRow(
                    g.Key.Week,
                    column1,
                    named ? deniedCode : string.Empty,
                    occurrences,
                    MostFrequent.Of(denials, a => a.Indicator, a => a.Occurrences),
                    provider.Key,
                    (double)provider.Count / occurrences,
                    Tally(denials, a => a.PayerId),
                    Money.ToDollars(denials.Sum(a => a.DeniedCents)),
                    rootCause,
                    Tally(denials, a => a.Resolution),
                    repeat,
                    repeat ? RootCauses.ActionFor(rootCause, g.Key.Family) : string.Empty)
                {
                    DeniedCode = deniedCode,
                    // The codes billed beside a denial explain a bundle or a missing primary; an MUE is the code's own.
                    ContextCodes = named || units ? [] : [.. denials.SelectMany(a => a.ContextCodes).Distinct().Order(StringComparer.Ordinal)],
                    MaxUnits = units ? denials.Max(a => a.MaxUnits) : 0,
                    Family = g.Key.Family,
                    Group = MostFrequent.Of(denials, a => a.Group, a => a.Occurrences),
                };
            })
            .OrderBy(r => r.Week, StringComparer.Ordinal).ThenByDescending(r => r.Occurrences).ThenByDescending(r => r.DollarsDenied)
            .ThenBy(r => r.Column1, StringComparer.Ordinal).ThenBy(r => r.DeniedCode, StringComparer.Ordinal).ThenBy(r => r.Family, StringComparer.Ordinal),
    ];

    private static ImmutableSortedDictionary<string, int> Tally(List<WeeklyAggregate> denials, Func<WeeklyAggregate, string> value) =>
        MostFrequent.Ranked(denials, value, a => a.Occurrences).ToImmutableSortedDictionary(v => v.Key, v => (int)v.Count, StringComparer.Ordinal);
}
