using System.Globalization;

namespace Scrubber.Audit.Reports;

/// <summary>The feedback reports, computed from the sent lines' outcomes.</summary>
public static class FeedbackReports
{
    private static readonly string[] OverrideFates = ["overridden_by_modifier", "overridden_by_acceptance", "forced"];

    /// <summary>Report 1, one row per pair, payer, provider, modifier, week, fate and family; most dollars first. An
    /// MUE, add-on or duplicate edit has no pair: its row is ("", the line's code).</summary>
    public static IReadOnlyList<OverriddenThenDeniedRow> OverriddenThenDenied(IReadOnlyList<DeniedLine> lines, ReportFilter filter) =>
        OverriddenThenDenied(
            [
                .. lines.Where(l => l.Edit is { } e && OverrideFates.Contains(e.Fate) && filter.Covers(l))
                    .GroupBy(l => new Override(l.EditColumns.Column1, l.EditColumns.Column2, l.PayerId, l.Provider, ModifierUsed(l), Week(l.Day), l.Edit!.Fate,
                        l.Family, l.Group, l.Paid))
                    .Select(g => (g.Key, (long)g.Count(), g.Sum(l => l.DeniedCents))),
            ],
            filter);

    /// <summary>Report 1 from the facts: the overridden lines counted in SQL by what a row and its success tally are
    /// made of, so the report reads one row per count, not per line.</summary>
    internal static IReadOnlyList<OverriddenThenDeniedRow> OverriddenThenDenied(FactQuery query, ReportFilter filter) =>
        OverriddenThenDenied(
            query.Rows($"""
                SELECT edit_column1, edit_column2, payer_id, provider, modifier_used, week, fate, family, group_code, paid,
                       COUNT(*), CAST(SUM(denied_cents) AS BIGINT)
                FROM line_facts WHERE {query.Where} AND fate IN ({string.Join(", ", OverrideFates.Select(f => $"'{f}'"))})
                GROUP BY week, edit_column1, edit_column2, payer_id, provider, modifier_used, fate, family, group_code, paid
                """,
                r => (new Override(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8), r.GetInt64(9) != 0), r.GetInt64(10), r.GetInt64(11))),
            filter);

    /// <summary>Report 2, one row per payer, code, modifiers, provider, week, family and group; most dollars first. A
    /// denial is missed when no edit of its family stood on the line (<see cref="Outcomes.EditFamilies.Catches"/>).</summary>
    public static IReadOnlyList<MissedRow> Missed(IReadOnlyList<DeniedLine> lines, ReportFilter filter) =>
        Missed(
            [
                .. lines.Where(l => l.Edit is null && filter.CountsDenial(l))
                    .Select(l => new MissedLine(l.PayerId, l.Code, l.Modifiers, l.Provider, Week(l.Day), l.Family!, l.Group, l.DeniedCents, l.ClaimId, l.LineId)),
            ]);

    /// <summary>Report 2 from the facts: it lists every claim line it counts, so it reads those lines (denied, with no
    /// edit) and no others, by the index of denials; its cost follows the lines it returns.</summary>
    internal static IReadOnlyList<MissedRow> Missed(FactQuery query, ReportFilter filter) =>
        Missed(
            [
                .. query.Rows($"""
                        SELECT payer_id, code, modifiers, provider, week, family, group_code, denied_cents, claim_id, line_id
                        FROM line_facts WHERE {query.Where} AND family IS NOT NULL AND edit_type IS NULL
                        """,
                        r => new MissedLine(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                            r.GetInt64(7), r.GetString(8), r.GetString(9)))
                    .Where(l => filter.CountsFamily(l.Family))
                    .OrderBy(l => l.ClaimId, StringComparer.Ordinal).ThenBy(l => l.LineId, StringComparer.Ordinal),
            ]);

    /// <summary>The ISO week of a day, e.g. 2026-W33.</summary>
    public static string Week(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    /// <summary>The modifier an override is reported under: the one that bypassed the edit, else the line's own.</summary>
    internal static string ModifierUsed(DeniedLine line) =>
        line.Edit?.BypassModifier is { Length: > 0 } bypass ? bypass : line.Modifiers;

    /// <summary>Report 2's rules, over the missed denials in claim and line order (a tie keeps the row seen first).</summary>
    private static IReadOnlyList<MissedRow> Missed(IReadOnlyList<MissedLine> missed) =>
    [
        .. missed
            .GroupBy(l => (l.PayerId, l.Code, l.Modifiers, l.Provider, l.Week, l.Family, l.Group))
            .Select(g => new MissedRow(g.Key.PayerId, g.Key.Code, g.Key.Modifiers, g.Key.Provider, g.Key.Week, g.Count(),
                Money.ToDollars(g.Sum(l => l.DeniedCents)), [.. g.Select(l => $"{l.ClaimId}/{l.LineId}").Order(StringComparer.Ordinal)])
            {
                Family = g.Key.Family,
                Group = g.Key.Group,
            })
            .OrderByDescending(r => r.DollarsDenied).ThenBy(r => r.Code, StringComparer.Ordinal),
    ];

    /// <summary>Report 1's rules, over overridden lines counted by <see cref="Override"/>: the rows are the denials the
    /// filter counts, each with how the same payer, pair and modifier fared on every overridden line.</summary>
    private static IReadOnlyList<OverriddenThenDeniedRow> OverriddenThenDenied(IReadOnlyList<(Override Key, long Lines, long DeniedCents)> overridden, ReportFilter filter)
    {
        var successByOverride = overridden
            .GroupBy(o => (o.Key.PayerId, o.Key.Column1, o.Key.Column2, o.Key.Modifier))
            .ToDictionary(g => g.Key, g => (Paid: g.Where(o => o.Key.Paid).Sum(o => o.Lines), Denied: g.Where(o => filter.CountsFamily(o.Key.Family)).Sum(o => o.Lines)));
        return
        [
            .. overridden.Where(o => filter.CountsFamily(o.Key.Family))
                .GroupBy(o => o.Key with { Paid = false })
                .Select(g =>
                {
                    var tally = successByOverride[(g.Key.PayerId, g.Key.Column1, g.Key.Column2, g.Key.Modifier)];
                    return new OverriddenThenDeniedRow(g.Key.Column1, g.Key.Column2, g.Key.PayerId, g.Key.Provider, g.Key.Modifier, g.Key.Week, g.Key.Fate,
                        (int)g.Sum(o => o.Lines), Money.ToDollars(g.Sum(o => o.DeniedCents)), (int)tally.Paid, (double)tally.Paid / (tally.Paid + tally.Denied))
                    {
                        Family = g.Key.Family!,
                        Group = g.Key.Group,
                    };
                })
                .OrderByDescending(r => r.DollarsDenied).ThenBy(r => r.Column1, StringComparer.Ordinal).ThenBy(r => r.Column2, StringComparer.Ordinal)
                .ThenBy(r => r.PayerId, StringComparer.Ordinal).ThenBy(r => r.Provider, StringComparer.Ordinal).ThenBy(r => r.ModifierUsed, StringComparer.Ordinal)
                .ThenBy(r => r.Week, StringComparer.Ordinal).ThenBy(r => r.Fate, StringComparer.Ordinal).ThenBy(r => r.Family, StringComparer.Ordinal)
                .ThenBy(r => r.Group, StringComparer.Ordinal),
        ];
    }

    /// <summary>A denial no edit of its family caught, as the missed report shows it.</summary>
    private sealed record MissedLine(string PayerId, string Code, string Modifiers, string Provider, string Week, string Family, string Group, long DeniedCents,
        string ClaimId, string LineId);

    /// <summary>What overridden lines are counted by: a row's key (the edit's columns, payer, provider, modifier used,
    /// week, fate, family, group) and whether the payer paid them.</summary>
    private sealed record Override(string Column1, string Column2, string PayerId, string Provider, string Modifier, string Week, string Fate,
        string? Family, string Group, bool Paid);
}
