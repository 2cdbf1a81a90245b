using System.Globalization;

namespace Scrubber.Audit.Reports;

/// <summary>The feedback reports, computed from the sent lines' outcomes.</summary>
public static class FeedbackReports
{
    private static readonly string[] OverrideFates = ["overridden_by_modifier", "overridden_by_acceptance", "forced"];

    /// <summary>Report 1, one row per pair, payer, provider, modifier, week, fate and family; most dollars first. An
    /// MUE, add-on or duplicate edit has no pair: its row is ("", the line's code).</summary>
    public static IReadOnlyList<OverriddenThenDeniedRow> OverriddenThenDenied(IReadOnlyList<DeniedLine> lines, ReportFilter filter)
    {
        var overridden = lines.Where(l => l.Edit is { } e && OverrideFates.Contains(e.Fate) && filter.Covers(l)).ToList();
        var successByOverride = overridden
            .GroupBy(l => (l.PayerId, l.EditColumns.Column1, l.EditColumns.Column2, Modifier: ModifierUsed(l)))
            .ToDictionary(g => g.Key, g => (Paid: g.Count(l => l.Paid), Denied: g.Count(filter.CountsDenial)));
        return
        [
            .. overridden.Where(filter.CountsDenial)
                .GroupBy(l => (l.EditColumns.Column1, l.EditColumns.Column2, l.PayerId, l.Provider, Modifier: ModifierUsed(l), Week: Week(l.Day), l.Edit!.Fate, l.Family, l.Group))
                .Select(g =>
                {
                    var tally = successByOverride[(g.Key.PayerId, g.Key.Column1, g.Key.Column2, g.Key.Modifier)];
                    return new OverriddenThenDeniedRow(g.Key.Column1, g.Key.Column2, g.Key.PayerId, g.Key.Provider, g.Key.Modifier, g.Key.Week, g.Key.Fate,
                        g.Count(), Money.ToDollars(g.Sum(l => l.DeniedCents)), tally.Paid, (double)tally.Paid / (tally.Paid + tally.Denied))
                    {
                        Family = g.Key.Family!,
                        Group = g.Key.Group,
                    };
                })
                .OrderByDescending(r => r.DollarsDenied).ThenBy(r => r.Column1, StringComparer.Ordinal).ThenBy(r => r.Column2, StringComparer.Ordinal),
        ];
    }

    /// <summary>Report 2, one row per payer, code, modifiers, provider, week, family and group; most dollars first. A
    /// denial is missed when no edit of its family stood on the line (<see cref="Outcomes.EditFamilies.Catches"/>).</summary>
    public static IReadOnlyList<MissedRow> Missed(IReadOnlyList<DeniedLine> lines, ReportFilter filter) =>
    [
        .. lines.Where(l => l.Edit is null && filter.CountsDenial(l))
            .GroupBy(l => (l.PayerId, l.Code, l.Modifiers, l.Provider, Week: Week(l.Day), l.Family, l.Group))
            .Select(g => new MissedRow(g.Key.PayerId, g.Key.Code, g.Key.Modifiers, g.Key.Provider, g.Key.Week, g.Count(),
                Money.ToDollars(g.Sum(l => l.DeniedCents)), [.. g.Select(l => $"{l.ClaimId}/{l.LineId}").Order(StringComparer.Ordinal)])
            {
                Family = g.Key.Family!,
                Group = g.Key.Group,
            })
            .OrderByDescending(r => r.DollarsDenied).ThenBy(r => r.Code, StringComparer.Ordinal),
    ];

    /// <summary>The ISO week of a day, e.g. 2026-W33.</summary>
    public static string Week(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    private static string ModifierUsed(DeniedLine line) =>
        line.Edit?.BypassModifier is { Length: > 0 } bypass ? bypass : line.Modifiers;
}
