namespace Scrubber.Audit.Reports;

/// <summary>Report 5: how each payer treats each code pair it has denied at least once.</summary>
public static class Patterns
{
    public const string AlwaysBundled = "always bundled";
    public const string ConditionallyPayable = "conditionally payable";
    public const string InappropriatelyDenied = "inappropriately denied";

    public static IReadOnlyList<PatternRow> Compute(IReadOnlyList<DeniedLine> lines, ReportFilter filter)
    {
        var covered = lines.Where(l => filter.Covers(l.Day, l.PayerId, l.Provider)).ToList();
        var deniedPairs = covered.Where(l => l.BundlingDenied).Select(l => (l.PayerId, l.Pair)).ToHashSet();
        return
        [
            .. covered.Where(l => deniedPairs.Contains((l.PayerId, l.Pair)))
                .GroupBy(l => (l.PayerId, l.Pair.Column1, l.Pair.Column2))
                .Select(g => Classify(g.Key.PayerId, g.Key.Column1, g.Key.Column2, [.. g]))
                .OrderBy(r => r.PayerId, StringComparer.Ordinal).ThenBy(r => r.Column1, StringComparer.Ordinal).ThenBy(r => r.Column2, StringComparer.Ordinal),
        ];
    }

    /// <summary>Paid with a bypass modifier: conditionally payable. Denied despite a valid modifier on an indicator-1
    /// pair, or on a pair neither NCCI nor the pack has: inappropriately denied. Otherwise: always bundled.</summary>
    private static PatternRow Classify(string payer, string column1, string column2, List<DeniedLine> lines)
    {
        var paidWithModifier = lines.Count(l => l.Paid && l.Edit?.Fate == "overridden_by_modifier");
        var deniedDespiteModifier = lines.Any(l => l.BundlingDenied && l.Edit is { Fate: "overridden_by_modifier", ModifierIndicator: 1 });
        var deniedUncaught = lines.Any(l => l.BundlingDenied && l.Edit is null);
        var pattern = paidWithModifier > 0 ? ConditionallyPayable
            : deniedDespiteModifier || deniedUncaught ? InappropriatelyDenied
            : AlwaysBundled;
        return new PatternRow(payer, column1, column2, pattern, lines.Count(l => l.Paid), lines.Count(l => l.BundlingDenied), paidWithModifier);
    }
}
