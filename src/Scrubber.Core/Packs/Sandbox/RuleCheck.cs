using Scrubber.Core.Packs.Documents;

namespace Scrubber.Core.Packs.Sandbox;

/// <summary>The load-time limits and the sandbox, for one rule.</summary>
internal static class RuleCheck
{
    /// <summary>Adds what is wrong with the rule's lists and expression to <paramref name="problems"/>; returns the
    /// accepted expression and what one evaluation of it costs, or null when it is refused.</summary>
    public static SandboxVerdict? Check(RuleDocument rule, PackLimits limits, List<string> problems)
    {
        foreach (var (field, entries) in new[] { ("codes", rule.Codes), ("otherCodes", rule.OtherCodes) })
        {
            if (entries.Count > limits.MaxListItems)
            {
                problems.Add($"{field}: {entries.Count} entries, more than Packs:MaxListItems ({limits.MaxListItems}); use ranges such as 99202-99215");
            }
        }

        var verdict = ExpressionSandbox.Check(rule.Expression, rule.Scope, limits);
        if (verdict.Problem is { } problem)
        {
            problems.Add(problem);
            return null;
        }

        return verdict;
    }
}
