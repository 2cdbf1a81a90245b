namespace Scrubber.Audit.Reports;

/// <summary>Report 5: how each payer treats each code pair (or denied code, where no edit named a pair) it has denied
/// at least once in the families covered.</summary>
public static class Patterns
{
    public const string AlwaysBundled = "always bundled";
    public const string ConditionallyPayable = "conditionally payable";
    public const string InappropriatelyDenied = "inappropriately denied";

    public static IReadOnlyList<PatternRow> Compute(IReadOnlyList<DeniedLine> lines, ReportFilter filter)
    {
        var covered = lines.Where(filter.Covers).ToList();
        var deniedPairs = covered.Where(filter.CountsDenial).GroupBy(l => (l.PayerId, l.PairOrCode)).ToDictionary(g => g.Key, g => g.First().Family!);
        return
        [
            .. covered.Where(l => deniedPairs.ContainsKey((l.PayerId, l.PairOrCode)))
                .GroupBy(l => (l.PayerId, l.PairOrCode))
                .Select(g => Classify(g.Key.PayerId, g.Key.PairOrCode.Column1, g.Key.PairOrCode.Column2, deniedPairs[g.Key], [.. g], filter))
                .OrderBy(r => r.PayerId, StringComparer.Ordinal).ThenBy(r => r.Column1, StringComparer.Ordinal).ThenBy(r => r.Column2, StringComparer.Ordinal),
        ];
    }

    /// <summary>Paid with a bypass modifier: conditionally payable. Denied despite a valid modifier on an indicator-1
    /// pair, or on a pair neither NCCI nor the pack has: inappropriately denied. Otherwise: always bundled.</summary>
    private static PatternRow Classify(string payer, string column1, string column2, string family, List<DeniedLine> lines, ReportFilter filter)
    {
        var paidWithModifier = lines.Count(l => l.Paid && l.Edit?.Fate == "overridden_by_modifier");
        var deniedDespiteModifier = lines.Any(l => filter.CountsDenial(l) && l.Edit is { Fate: "overridden_by_modifier", ModifierIndicator: 1 });
        var deniedUncaught = lines.Any(l => filter.CountsDenial(l) && l.Edit is null);
        var pattern = paidWithModifier > 0 ? ConditionallyPayable
            : deniedDespiteModifier || deniedUncaught ? InappropriatelyDenied
            : AlwaysBundled;
        return new PatternRow(payer, column1, column2, pattern, lines.Count(l => l.Paid), lines.Count(filter.CountsDenial), paidWithModifier) { Family = family };
    }
}
