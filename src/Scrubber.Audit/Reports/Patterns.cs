using Scrubber.Audit.Outcomes;

namespace Scrubber.Audit.Reports;

/// <summary>Report 5: how each payer treats each code pair (or denied code, where no edit named a pair) it has denied
/// at least once in the families covered; units and add-on denials by their code.</summary>
public static class Patterns
{
    public const string AlwaysBundled = "always bundled";
    public const string ConditionallyPayable = "conditionally payable";
    public const string InappropriatelyDenied = "inappropriately denied";

    /// <summary>A units, add-on or duplicate code the payer has denied and never paid.</summary>
    public const string AlwaysDenied = "always denied";

    public static IReadOnlyList<PatternRow> Compute(IReadOnlyList<DeniedLine> lines, ReportFilter filter)
    {
        var covered = lines.Where(filter.Covers).ToList();

        // A pair's row holds its denials of one family (a code can be denied as a bundle one day and for units the
        // next) and every paid line keyed the same. A units, add-on or duplicate row is one code: its paid lines are
        // the code's, whatever edit stood on them.
        var denied = covered.Where(filter.CountsDenial).GroupBy(l => (l.PayerId, l.PairOrCode, l.Family));
        var paidByPair = covered.Where(l => l.Paid).ToLookup(l => (l.PayerId, l.PairOrCode));
        var paidByCode = covered.Where(l => l.Paid).ToLookup(l => (l.PayerId, l.Code));
        return
        [
            .. denied
                .Select(g =>
                {
                    var paid = ByCode(g.Key.Family!) ? paidByCode[(g.Key.PayerId, g.Key.PairOrCode.Column2)] : paidByPair[(g.Key.PayerId, g.Key.PairOrCode)];
                    var row = Classify(g.Key.PayerId, g.Key.PairOrCode.Column1, g.Key.PairOrCode.Column2, g.Key.Family!, [.. g.Concat(paid).Distinct()], filter);
                    return row with { Group = MostFrequent.Of(g.Select(l => l.Group)) };
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
    private static PatternRow Classify(string payer, string column1, string column2, string family, List<DeniedLine> lines, ReportFilter filter)
    {
        if (ByCode(family))
        {
            var paid = lines.Count(l => l.Paid);
            return new PatternRow(payer, column1, column2, paid > 0 ? ConditionallyPayable : AlwaysDenied, paid, lines.Count(filter.CountsDenial), 0) { Family = family };
        }

        var paidWithModifier = lines.Count(l => l.Paid && l.Edit?.Fate == "overridden_by_modifier");
        var deniedDespiteModifier = lines.Any(l => filter.CountsDenial(l) && l.Edit is { Fate: "overridden_by_modifier", ModifierIndicator: 1 });
        var deniedUncaught = lines.Any(l => filter.CountsDenial(l) && l.Edit is null);
        var pattern = paidWithModifier > 0 ? ConditionallyPayable
            : deniedDespiteModifier || deniedUncaught ? InappropriatelyDenied
            : AlwaysBundled;
        return new PatternRow(payer, column1, column2, pattern, lines.Count(l => l.Paid), lines.Count(filter.CountsDenial), paidWithModifier) { Family = family };
    }
}
