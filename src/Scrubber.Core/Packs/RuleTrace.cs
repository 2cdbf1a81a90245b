namespace Scrubber.Core.Packs;

/// <summary>One run of one rule on a claim, for <c>scrubctl rules explain</c>: on which lines, and whether it fired.</summary>
/// <param name="Rule">The rule name.</param>
/// <param name="LineId">The <c>line</c> input, or null for a claim rule.</param>
/// <param name="OtherLineId">The <c>other</c> input of a pair rule, or null.</param>
/// <param name="Fired">Whether the expression was true and the rule raised its edit.</param>
/// <param name="Fault">The exception message when the rule failed to run, or null.</param>
public sealed record RuleTrace(string Rule, string? LineId, string? OtherLineId, bool Fired, string? Fault);
