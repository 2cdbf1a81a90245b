using System.Globalization;

namespace Scrubber.Audit.Reports;

/// <summary>Report 4: the key figures of the families covered (by default every NCCI family), trended by month.</summary>
/// <remarks>The figures are sums, so they are computed from lines counted by what each figure looks at (a month, a
/// pair, a worked denial): from the lines in memory, or counted by the store in SQL (<see cref="Read"/>).</remarks>
public static class Kpis
{
    private static readonly string[] Contested = ["appealed", "corrected_claim_sent", "recovered"];

    public static KpiReport Compute(IReadOnlyList<DeniedLine> lines, ReportFilter filter)
    {
        var covered = lines.Where(filter.Covers).ToList();
        var denials = covered.Where(l => l.Denied).ToList();
        return Compute(
            [
                .. covered.GroupBy(MonthOf)
                    .Select(g => new Counted<MonthCell>(g.Key, g.LongCount(), g.Sum(l => l.DeniedCents), g.Sum(l => l.ChargeCents))),
            ],
            [
                .. denials.GroupBy(l => new PairCell(l.PairOrCode.Column1, l.PairOrCode.Column2, l.PayerId, l.Family!, l.Group))
                    .Select(g => new Counted<PairCell>(g.Key, g.LongCount(), g.Sum(l => l.DeniedCents), 0)),
            ],
            [
                .. denials.Where(l => l.Resolution is not null)
                    .GroupBy(l => new WorkedCell(l.PayerId, RootCauses.Of(l), l.Family!, l.Resolution!, l.Day, l.ResolvedOn!.Value, l.RecoveredCents > 0, IsPreventable(l)))
                    .Select(g => new Counted<WorkedCell>(g.Key, g.LongCount(), 0, g.Sum(l => l.WrittenOffCents))),
            ],
            filter);
    }

    /// <summary>Report 4 from the facts, each figure's lines counted in SQL. With no days to keep to, the months are
    /// read from the monthly totals (<see cref="LineFacts"/>), a row per month, payer, provider, family and outcome.</summary>
    internal static KpiReport Read(FactQuery query, ReportFilter filter) => Compute(
        query.Rows(query.AllDays
                ? $"""
                    SELECT month, NULLIF(family, ''), paid, CAST(SUM(lines) AS BIGINT), CAST(SUM(denied_cents) AS BIGINT), CAST(SUM(charge_cents) AS BIGINT)
                    FROM month_totals WHERE {query.Where} GROUP BY month, family, paid HAVING SUM(lines) <> 0
                    """
                : $"""
                    SELECT substr(day, 1, 7), family, paid, COUNT(*), CAST(SUM(denied_cents) AS BIGINT), CAST(SUM(charge_cents) AS BIGINT)
                    FROM line_facts WHERE {query.Where} GROUP BY substr(day, 1, 7), family, paid
                    """,
            r => new Counted<MonthCell>(new(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt64(2) != 0), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5))),
        query.Rows($"""
            SELECT pair_column1, pair_column2, payer_id, family, group_code, COUNT(*), CAST(SUM(denied_cents) AS BIGINT)
            FROM line_facts WHERE {query.Where} AND family IS NOT NULL GROUP BY pair_column1, pair_column2, payer_id, family, group_code
            """,
            r => new Counted<PairCell>(new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), r.GetInt64(5), r.GetInt64(6), 0)),
        query.Rows($"""
            SELECT payer_id, root_cause, family, resolution, day, resolved_on, CASE WHEN recovered_cents > 0 THEN 1 ELSE 0 END, preventable,
                   COUNT(*), CAST(SUM(written_off_cents) AS BIGINT)
            FROM line_facts WHERE {query.Where} AND family IS NOT NULL AND resolution IS NOT NULL
            GROUP BY payer_id, root_cause, family, resolution, day, resolved_on, CASE WHEN recovered_cents > 0 THEN 1 ELSE 0 END, preventable
            """,
            r => new Counted<WorkedCell>(new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Dates.Day(r.GetString(4)), Dates.Day(r.GetString(5)),
                r.GetInt64(6) != 0, r.GetInt64(7) != 0), r.GetInt64(8), 0, r.GetInt64(9))),
        filter);

    /// <summary>What the monthly figures count a line by: its month, its denial family (null: not denied) and outcome.</summary>
    internal static MonthCell MonthOf(DeniedLine line) => new(line.Day.ToString("yyyy-MM", CultureInfo.InvariantCulture), line.Family, line.Paid);

    /// <summary>Foreseeable before sending: an indicator-0 pair, a hard stop sent anyway, or a code whose MUE is 0 in the
    /// setting (not payable there at all, so nothing to appeal).</summary>
    internal static bool IsPreventable(DeniedLine line) =>
        line.Edit is { ModifierIndicator: 0 } or { Fate: "forced" } or { EditType: Scrubber.Core.Scrubbing.EditTypes.MueNotPayable, Rule.Length: 0 };

    /// <summary>The report's rules, over covered lines counted by month, denials counted by pair, and worked denials
    /// counted by what their overturns, days to resolution and write-offs look at.</summary>
    private static KpiReport Compute(IReadOnlyList<Counted<MonthCell>> months, IReadOnlyList<Counted<PairCell>> pairs, IReadOnlyList<Counted<WorkedCell>> worked,
        ReportFilter filter)
    {
        var monthly = months.GroupBy(m => m.Key.Month).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var dollars = Money.ToDollars(g.Where(m => filter.CountsFamily(m.Key.Family)).Sum(m => m.DeniedCents));
            var charges = Money.ToDollars(g.Sum(m => m.OtherCents));
            var bundled = (int)g.Where(m => filter.CountsFamily(m.Key.Family)).Sum(m => m.Lines);
            var denied = (int)g.Where(m => !m.Key.Paid).Sum(m => m.Lines);
            return new MonthKpi(g.Key, dollars, charges, charges == 0 ? 0 : (double)(dollars / charges), bundled, denied, denied == 0 ? 0 : (double)bundled / denied);
        });
        var topPairs = pairs.Where(p => filter.CountsFamily(p.Key.Family))
            .GroupBy(p => p.Key with { Group = string.Empty })
            .Select(g => new TopPair(g.Key.Column1, g.Key.Column2, g.Key.PayerId, (int)g.Sum(p => p.Lines), Money.ToDollars(g.Sum(p => p.DeniedCents)))
            {
                Family = g.Key.Family,
                Group = MostFrequent.Of(g, p => p.Key.Group, p => p.Lines),
            })
            .OrderByDescending(p => p.DollarsDenied).ThenBy(p => p.Column1, StringComparer.Ordinal).ThenBy(p => p.Column2, StringComparer.Ordinal)
            .ThenBy(p => p.PayerId, StringComparer.Ordinal).ThenBy(p => p.Family, StringComparer.Ordinal).Take(10);
        var counted = worked.Where(w => filter.CountsFamily(w.Key.Family)).ToList();
        var overturns = counted.Where(w => Contested.Contains(w.Key.Resolution))
            .GroupBy(w => (w.Key.PayerId, w.Key.RootCause))
            .Select(g =>
            {
                var (contested, recovered) = ((int)g.Sum(w => w.Lines), (int)g.Where(w => w.Key.Recovered).Sum(w => w.Lines));
                return new OverturnRate(g.Key.PayerId, g.Key.RootCause, contested, recovered, (double)recovered / contested);
            })
            .OrderBy(o => o.PayerId, StringComparer.Ordinal).ThenBy(o => o.Scenario, StringComparer.Ordinal);
        var workedLines = counted.Sum(w => w.Lines);
        var days = counted.Sum(w => w.Lines * (w.Key.ResolvedOn.DayNumber - w.Key.Day.DayNumber));
        return new KpiReport(
            [.. monthly],
            [.. topPairs],
            [.. overturns],
            workedLines == 0 ? null : (double)days / workedLines,
            Money.ToDollars(counted.Where(w => w.Key.Preventable).Sum(w => w.OtherCents)),
            Money.ToDollars(counted.Where(w => !w.Key.Preventable).Sum(w => w.OtherCents)));
    }

    /// <summary>Lines counted under <paramref name="Key"/>, with their denied cents and one other sum: the charges of a
    /// month, the written-off cents of worked denials.</summary>
    private sealed record Counted<T>(T Key, long Lines, long DeniedCents, long OtherCents);

    /// <summary>Covered lines of one month, denial family (null: not denied) and outcome.</summary>
    internal sealed record MonthCell(string Month, string? Family, bool Paid);

    /// <summary>Denials of one pair (or code), payer, family and group.</summary>
    private sealed record PairCell(string Column1, string Column2, string PayerId, string Family, string Group);

    /// <summary>Worked denials alike in what the overturns, days to resolution and write-offs look at.</summary>
    private sealed record WorkedCell(string PayerId, string RootCause, string Family, string Resolution, DateOnly Day, DateOnly ResolvedOn, bool Recovered,
        bool Preventable);
}
