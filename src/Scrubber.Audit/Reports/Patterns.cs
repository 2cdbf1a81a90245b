using Scrubber.Audit.Outcomes;

namespace Scrubber.Audit.Reports;

/// <summary>Report 5: how each payer treats each code pair (or denied code, where no edit named a pair) it has denied
/// at least once in the families covered; units and add-on denials by their code.</summary>
/// <remarks>The classification looks at how many lines were paid or denied and with which fate and indicator, so it is
/// computed from lines counted by those (<see cref="Seen"/>): from the lines in memory, or counted by the store in SQL
/// (<see cref="Read"/>).</remarks>
public static class Patterns
{
    public const string AlwaysBundled = "always bundled";
    public const string ConditionallyPayable = "conditionally payable";
    public const string InappropriatelyDenied = "inappropriately denied";

    /// <summary>A units, add-on or duplicate code the payer has denied and never paid.</summary>
    public const string AlwaysDenied = "always denied";

    private const string OverriddenByModifier = "overridden_by_modifier";

    public static IReadOnlyList<PatternRow> Compute(IReadOnlyList<DeniedLine> lines, ReportFilter filter) => Compute(
        [
            .. lines.Where(l => filter.Covers(l) && Counts(l)).GroupBy(SeenOf).Select(g => (g.Key, g.LongCount())),
        ],
        filter);

    /// <summary>Report 5 from the facts, the paid and denied lines counted in SQL. With no days to keep to, they are read
    /// from the totals kept per payer, provider and what the classification looks at (<see cref="LineFacts"/>).</summary>
    internal static IReadOnlyList<PatternRow> Read(FactQuery query, ReportFilter filter) => Compute(
        query.Rows(query.AllDays
                ? $"""
                    SELECT payer_id, pair_column1, pair_column2, code, NULLIF(family, ''), group_code, paid, NULLIF(fate, ''), NULLIF(modifier_indicator, -1),
                           CAST(SUM(lines) AS BIGINT)
                    FROM pattern_totals WHERE {query.Where}
                    GROUP BY payer_id, pair_column1, pair_column2, code, family, group_code, paid, fate, modifier_indicator HAVING SUM(lines) <> 0
                    """
                : $"""
                    SELECT payer_id, pair_column1, pair_column2, code, family, group_code, paid, fate, modifier_indicator, COUNT(*)
                    FROM line_facts WHERE {query.Where} AND (paid = 1 OR family IS NOT NULL)
                    GROUP BY payer_id, pair_column1, pair_column2, code, family, group_code, paid, fate, modifier_indicator
                    """,
            r => (new Seen(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5),
                r.GetInt64(6) != 0, r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetInt32(8)), r.GetInt64(9))),
        filter);

    /// <summary>The report's rules over the covered lines that were paid or denied, counted by <see cref="Seen"/>.</summary>
    private static IReadOnlyList<PatternRow> Compute(IReadOnlyList<(Seen Key, long Lines)> seen, ReportFilter filter)
    {
        // A pair's row holds its denials of one family (a code can be denied as a bundle one day and for units the
        // next) and every paid line keyed the same. A units, add-on or duplicate row is one code: its paid lines are
        // the code's, whatever edit stood on them.
        var denied = seen.Where(s => filter.CountsFamily(s.Key.Family)).GroupBy(s => (s.Key.PayerId, s.Key.Column1, s.Key.Column2, Family: s.Key.Family!));
        var paidByPair = seen.Where(s => s.Key.Paid).ToLookup(s => (s.Key.PayerId, s.Key.Column1, s.Key.Column2));
        var paidByCode = seen.Where(s => s.Key.Paid).ToLookup(s => (s.Key.PayerId, s.Key.Code));
        return
        [
            .. denied
                .Select(g =>
                {
                    var paid = ByCode(g.Key.Family) ? paidByCode[(g.Key.PayerId, g.Key.Column2)] : paidByPair[(g.Key.PayerId, g.Key.Column1, g.Key.Column2)];
                    var row = Classify(g.Key.PayerId, g.Key.Column1, g.Key.Column2, g.Key.Family, [.. g.Concat(paid).Distinct()], filter);
                    return row with { Group = MostFrequent.Of(g, s => s.Key.Group, s => s.Lines) };
                })
                .OrderBy(r => r.PayerId, StringComparer.Ordinal).ThenBy(r => r.Column1, StringComparer.Ordinal).ThenBy(r => r.Column2, StringComparer.Ordinal)
                .ThenBy(r => r.Family, StringComparer.Ordinal),
        ];
    }

    /// <summary>Families classified by whether the payer pays the code at all: a units limit, a missing primary and a
    /// duplicate are not bypassed by a modifier, so "bundled" does not describe them.</summary>
    private static bool ByCode(string family) => family is DenialFamilies.Units or DenialFamilies.AddOn or DenialFamilies.Duplicate;

    /// <summary>Paid with a bypass modifier: conditionally payable. Denied despite a valid modifier on an indicator-1
    /// pair, or on a pair neither NCCI nor the pack has: inappropriately denied. Otherwise: always bundled.</summary>
    /// <remarks>A units, add-on or duplicate code is conditionally payable when the payer has paid it (within its units,
    /// with its primary, once) and always denied otherwise.</remarks>
    private static PatternRow Classify(string payer, string column1, string column2, string family, List<(Seen Key, long Lines)> lines, ReportFilter filter)
    {
        int Count(Func<Seen, bool> which) => (int)lines.Where(l => which(l.Key)).Sum(l => l.Lines);
        var paid = Count(l => l.Paid);
        var deniedCount = Count(l => filter.CountsFamily(l.Family));
        if (ByCode(family))
        {
            return new PatternRow(payer, column1, column2, paid > 0 ? ConditionallyPayable : AlwaysDenied, paid, deniedCount, 0) { Family = family };
        }

        var paidWithModifier = Count(l => l.Paid && l.Fate == OverriddenByModifier);
        var deniedDespiteModifier = Count(l => filter.CountsFamily(l.Family) && l is { Fate: OverriddenByModifier, ModifierIndicator: 1 }) > 0;
        var deniedUncaught = Count(l => filter.CountsFamily(l.Family) && l.Fate is null) > 0;
        var pattern = paidWithModifier > 0 ? ConditionallyPayable
            : deniedDespiteModifier || deniedUncaught ? InappropriatelyDenied
            : AlwaysBundled;
        return new PatternRow(payer, column1, column2, pattern, paid, deniedCount, paidWithModifier) { Family = family };
    }

    /// <summary>Whether the classification looks at the line at all: it was paid, or denied.</summary>
    internal static bool Counts(DeniedLine line) => line.Paid || line.Denied;

    /// <summary>What the classification counts a line by.</summary>
    internal static Seen SeenOf(DeniedLine line) =>
        new(line.PayerId, line.PairOrCode.Column1, line.PairOrCode.Column2, line.Code, line.Family, line.Group, line.Paid, line.Edit?.Fate, line.Edit?.ModifierIndicator);

    /// <summary>What the classification looks at in a line: its payer, pair (or code) and code, its denial (family and
    /// group; none when paid), whether it was paid, and the fate and indicator of the edit that stood on it.</summary>
    internal sealed record Seen(string PayerId, string Column1, string Column2, string Code, string? Family, string Group, bool Paid, string? Fate,
        int? ModifierIndicator);
}
