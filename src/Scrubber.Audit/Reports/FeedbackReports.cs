using System.Globalization;

namespace Scrubber.Audit.Reports;

/// <summary>The feedback reports, computed from the sent lines' outcomes.</summary>
public static class FeedbackReports
{
    private static readonly string[] OverrideFates = ["overridden_by_modifier", "overridden_by_acceptance", "forced"];

    /// <summary>Report 1, one row per pair, payer, provider, modifier, week and fate; most dollars first.</summary>
    public static IReadOnlyList<OverriddenThenDeniedRow> OverriddenThenDenied(IReadOnlyList<DeniedLine> lines, ReportFilter filter)
    {
        var overridden = lines.Where(l => l.Edit is { } e && OverrideFates.Contains(e.Fate) && filter.Covers(l.Day, l.PayerId, l.Provider)).ToList();
        var successByOverride = overridden
            .GroupBy(l => (l.PayerId, l.Edit!.Column1, l.Edit.Column2, Modifier: ModifierUsed(l)))
            .ToDictionary(g => g.Key, g => (Paid: g.Count(l => l.Paid), Denied: g.Count(l => l.BundlingDenied)));
        return
        [
            .. overridden.Where(l => l.BundlingDenied)
                .GroupBy(l => (l.Edit!.Column1, l.Edit.Column2, l.PayerId, l.Provider, Modifier: ModifierUsed(l), Week: Week(l.Day), l.Edit.Fate))
                .Select(g =>
                {
                    var tally = successByOverride[(g.Key.PayerId, g.Key.Column1, g.Key.Column2, g.Key.Modifier)];
                    return new OverriddenThenDeniedRow(g.Key.Column1, g.Key.Column2, g.Key.PayerId, g.Key.Provider, g.Key.Modifier, g.Key.Week, g.Key.Fate,
                        g.Count(), Money.ToDollars(g.Sum(l => l.DeniedCents)), tally.Paid, (double)tally.Paid / (tally.Paid + tally.Denied));
                })
                .OrderByDescending(r => r.DollarsDenied).ThenBy(r => r.Column1, StringComparer.Ordinal).ThenBy(r => r.Column2, StringComparer.Ordinal),
        ];
    }

    /// <summary>Report 2, one row per payer, code, modifiers, provider and week; most dollars first.</summary>
    public static IReadOnlyList<MissedRow> Missed(IReadOnlyList<DeniedLine> lines, ReportFilter filter) =>
    [
        .. lines.Where(l => l.BundlingDenied && l.Edit is null && filter.Covers(l.Day, l.PayerId, l.Provider))
            .GroupBy(l => (l.PayerId, l.Code, l.Modifiers, l.Provider, Week: Week(l.Day)))
            .Select(g => new MissedRow(g.Key.PayerId, g.Key.Code, g.Key.Modifiers, g.Key.Provider, g.Key.Week, g.Count(),
                Money.ToDollars(g.Sum(l => l.DeniedCents)), [.. g.Select(l => $"{l.ClaimId}/{l.LineId}").Order(StringComparer.Ordinal)]))
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
