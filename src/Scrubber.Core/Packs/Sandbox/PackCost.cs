using System.Globalization;
using Scrubber.Core.Claims;
using Scrubber.Core.Packs.Documents;

namespace Scrubber.Core.Packs.Sandbox;

/// <summary>What scrubbing the worst claim with a pack costs, computed from the pack alone, so a pack is accepted or
/// refused the same way on a busy build machine as on an idle one.</summary>
/// <remarks>
/// <para>A unit is about one comparison. A rule's weight is the nodes of its expression plus the lists its helpers walk
/// (<see cref="SandboxVocabulary.CostOf"/>). The worst claim has <c>Scrub:MaxLinesPerClaim</c> lines (N) of one date and
/// provider, each with the code that triggers the most work:</para>
/// <para>cost = N × max over codes c of Σ (weight × runs) over the line and pair rules c triggers, where a line rule
/// runs once and a pair rule N − 1 times (once against each other line), plus N × the range filters every line is
/// matched against, plus the weight of every claim rule and N for finding its subject line.</para>
/// <para>It is an upper bound: a real claim's lines have different codes, so it rarely triggers every rule at once.</para>
/// </remarks>
internal static class PackCost
{
    /// <summary>The pack's cost, and each rule's share of it, costliest first.</summary>
    public static (long Total, IReadOnlyList<(string Rule, long Cost)> ByRule) Of(IReadOnlyList<CompiledRule> rules, int maxLines)
    {
        var lineRules = rules.Where(r => r.Scope != RuleScope.Claim).ToArray();
        HcpcsCode?[] candidates = [.. lineRules.SelectMany(r => r.Codes.Exact.Concat(r.Codes.Ranges.Select(range => range.Low))).Distinct().Select(c => (HcpcsCode?)c)];
        var worst = 0L;
        CompiledRule[] worstRules = [];
        foreach (var code in candidates.Length == 0 ? [null] : candidates)
        {
            // Rules without codes run on every line; the others where the code matches.
            var triggered = lineRules.Where(r => r.Codes.MatchesEverything || (code is { } c && r.Codes.Matches(c))).ToArray();
            var work = triggered.Sum(r => PerLine(r, maxLines));
            if (work > worst)
            {
                (worst, worstRules) = (work, triggered);
            }
        }

        var scan = lineRules.Sum(r => (long)r.Codes.Ranges.Length);
        var claimRules = rules.Where(r => r.Scope == RuleScope.Claim).Select(r => (r.Name, Cost: r.Weight + maxLines)).ToArray();
        var total = (maxLines * (worst + scan)) + claimRules.Sum(x => x.Cost);
        var byRule = worstRules.Select(r => (r.Name, Cost: maxLines * PerLine(r, maxLines))).Concat(claimRules).OrderByDescending(x => x.Cost).ToArray();
        return (total, byRule);
    }

    /// <summary>An error when the pack costs more than <see cref="PackLimits.MaxEvaluationCost"/>, naming its costliest rules.</summary>
    public static PackError? Check(IReadOnlyList<CompiledRule> rules, PackLimits limits, string file, out long cost)
    {
        (cost, var byRule) = Of(rules, limits.MaxLinesPerClaim);
        if (cost <= limits.MaxEvaluationCost)
        {
            return null;
        }

        var costliest = string.Join(", ", byRule.Take(3).Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Rule} ({x.Cost:N0})")));
        return new PackError(file, null, string.Create(CultureInfo.InvariantCulture,
            $"the pack costs {cost:N0} to evaluate on a claim of {limits.MaxLinesPerClaim} lines (Scrub:MaxLinesPerClaim), more than " +
            $"Packs:MaxEvaluationCost ({limits.MaxEvaluationCost:N0}); the costliest rules: {costliest}. Give rules narrower codes, shorter lists or simpler expressions"));
    }

    /// <summary>What a rule costs for one line that triggers it: one run, or one run against each other line.</summary>
    private static long PerLine(CompiledRule rule, int maxLines) =>
        rule.Scope == RuleScope.Pair ? (maxLines - 1) * (rule.Weight + 1 + rule.OtherCodes.Ranges.Length) : rule.Weight;
}
