using System.Globalization;

namespace Scrubber.Audit.Reports;

/// <summary>Report 4: the key figures of the families covered (by default every NCCI family), trended by month.</summary>
public static class Kpis
{
    private static readonly string[] Contested = ["appealed", "corrected_claim_sent", "recovered"];

    public static KpiReport Compute(IReadOnlyList<DeniedLine> lines, ReportFilter filter)
    {
        var covered = lines.Where(filter.Covers).ToList();
        var denials = covered.Where(filter.CountsDenial).ToList();
        var months = covered.GroupBy(l => l.Day.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var dollars = Money.ToDollars(g.Where(filter.CountsDenial).Sum(l => l.DeniedCents));
            var charges = Money.ToDollars(g.Sum(l => l.ChargeCents));
            var bundled = g.Count(filter.CountsDenial);
            var denied = g.Count(l => !l.Paid);
            return new MonthKpi(g.Key, dollars, charges, charges == 0 ? 0 : (double)(dollars / charges), bundled, denied, denied == 0 ? 0 : (double)bundled / denied);
        });
        var topPairs = denials.GroupBy(l => (l.PairOrCode.Column1, l.PairOrCode.Column2, l.PayerId, l.Family))
            .Select(g => new TopPair(g.Key.Column1, g.Key.Column2, g.Key.PayerId, g.Count(), Money.ToDollars(g.Sum(l => l.DeniedCents))) { Family = g.Key.Family!, Group = MostFrequent.Of(g.Select(l => l.Group)) })
            .OrderByDescending(p => p.DollarsDenied).ThenBy(p => p.Column1, StringComparer.Ordinal).ThenBy(p => p.Column2, StringComparer.Ordinal).Take(10);
        var overturns = denials.Where(l => l.Resolution is not null && Contested.Contains(l.Resolution))
            .GroupBy(l => (l.PayerId, Scenario: RootCauses.Of(l)))
            .Select(g => new OverturnRate(g.Key.PayerId, g.Key.Scenario, g.Count(), g.Count(l => l.RecoveredCents > 0), (double)g.Count(l => l.RecoveredCents > 0) / g.Count()))
            .OrderBy(o => o.PayerId, StringComparer.Ordinal).ThenBy(o => o.Scenario, StringComparer.Ordinal);
        var worked = denials.Where(l => l.ResolvedOn is not null).ToList();
        var preventable = denials.Where(IsPreventable).Sum(l => l.WrittenOffCents);
        var contestable = denials.Where(l => !IsPreventable(l)).Sum(l => l.WrittenOffCents);
        return new KpiReport(
            [.. months],
            [.. topPairs],
            [.. overturns],
            worked.Count == 0 ? null : worked.Average(l => l.ResolvedOn!.Value.DayNumber - l.Day.DayNumber),
            Money.ToDollars(preventable),
            Money.ToDollars(contestable));
    }

    /// <summary>Foreseeable before sending: an indicator-0 pair, a hard stop sent anyway, or a code whose MUE is 0 in the
    /// setting (not payable there at all, so nothing to appeal).</summary>
    private static bool IsPreventable(DeniedLine line) =>
        line.Edit is { ModifierIndicator: 0 } or { Fate: "forced" } or { EditType: Scrubber.Core.Scrubbing.EditTypes.MueNotPayable, Rule.Length: 0 };
}
